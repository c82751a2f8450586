/**
 * The HTML table-forming algorithm, reduced to what an export needs: every cell placed on a rectangular
 * grid with its row and column span. Real report tables are often malformed — ragged rows, a rowspan past
 * the last row, a colspan wider than the rest, cells overlapping — so the grid is made rectangular (short
 * rows padded with empty cells, spans clamped to the table) and no cell's text is ever dropped.
 */
export interface GridCell<T> {
  /** The source cell; `null` for padding added to a short row. */
  source: T | null;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  header: boolean;
}

export interface TableGrid<T> {
  rows: number;
  cols: number;
  /** Cells in reading order (row by row, left to right), each once. */
  cells: GridCell<T>[];
  /** `at[r][c]` is the cell covering that slot. */
  at: GridCell<T>[][];
  /** Leading rows made only of header cells and not sharing a merged cell with the body: repeated on each page. */
  headerRows: number;
}

export interface SourceCell<T> {
  source: T;
  rowSpan: number;
  colSpan: number;
  header: boolean;
}

/** Spans the HTML parser would use: colspan 1–1000, rowspan 0–65534 (0 = to the end of the table). */
function span(value: number, max: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), max) : 1;
}

export function buildGrid<T>(rows: SourceCell<T>[][]): TableGrid<T> {
  const at: (GridCell<T> | undefined)[][] = rows.map(() => []);
  const cells: GridCell<T>[] = [];
  const nRows = rows.length;
  let cols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (at[r]![c]) c++;
      // A rowspan past the end stops at the last row (as browsers render it).
      const rowSpan = cell.rowSpan === 0 ? nRows - r : Math.min(span(cell.rowSpan, 65534), nRows - r);
      let colSpan = span(cell.colSpan, 1000);
      // Overlap with a cell merged down from above: shorten, never overwrite.
      for (let k = 1; k < colSpan; k++) {
        if (at[r]![c + k]) {
          colSpan = k;
          break;
        }
      }
      const placed: GridCell<T> = { source: cell.source, row: r, col: c, rowSpan, colSpan, header: cell.header };
      cells.push(placed);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) at[r + dr]![c + dc] ??= placed;
      c += colSpan;
      cols = Math.max(cols, c);
    }
  });
  // Pad ragged rows so the grid is rectangular.
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < cols; c++) {
      if (at[r]![c]) continue;
      const pad: GridCell<T> = { source: null, row: r, col: c, rowSpan: 1, colSpan: 1, header: false };
      cells.push(pad);
      at[r]![c] = pad;
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const full = at as GridCell<T>[][];
  return { rows: nRows, cols, cells, at: full, headerRows: headerRowCount(full, nRows) };
}

function headerRowCount<T>(at: GridCell<T>[][], nRows: number): number {
  let n = 0;
  while (n < nRows && n < 6 && at[n]!.every((c) => c.header && (c.source !== null || c.row < n))) n++;
  // A merged cell reaching from the header into the body would be cut: stop before it.
  while (n > 0 && at[n - 1]!.some((c) => c.row + c.rowSpan > n)) n--;
  // A table that is all header cells has no header to repeat.
  return n >= nRows ? 0 : n;
}
