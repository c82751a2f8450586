/**
 * A table as a grid: rowspan/colspan resolved, so every data cell knows its row header path (the header
 * cells to its left) and its column header path (the header cells above it). Header cells are `<th>`, or
 * `<td>` whose whole text is bold (`<b>`/`<strong>`), as many sites write them. Paths stop at the nearest run
 * of headers, so a table with a header row in its middle (the template's 第二十条 table) or a key–value
 * table (索引号 | … | 发布机构 | …) gets the header that really labels the cell.
 */
export interface Cell {
  el: HTMLTableCellElement;
  /** Header cells to the left, outermost first. */
  rows: HTMLTableCellElement[];
  /** Header cells above, outermost first. */
  cols: HTMLTableCellElement[];
  /** Position in the grid (of the cell's top-left slot). */
  r: number;
  c: number;
}

export interface TableModel {
  el: HTMLTableElement;
  cells: Cell[];
  grid: (HTMLTableCellElement | undefined)[][];
}

function isHeader(td: HTMLTableCellElement): boolean {
  if (td.localName === 'th') return true;
  const text = td.textContent!.trim();
  if (!text) return false;
  let bold = '';
  for (const b of td.querySelectorAll('b, strong')) bold += b.textContent;
  return bold.replace(/\s/g, '') === text.replace(/\s/g, '');
}

/** The header run nearest to slot `i` along `line` (walking back from it), outermost first. */
function nearestHeaders(line: (HTMLTableCellElement | undefined)[], i: number, self: HTMLTableCellElement, head: Set<Element>) {
  const out: HTMLTableCellElement[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const cell = line[j];
    if (!cell || cell === self || out.includes(cell)) continue;
    if (head.has(cell)) out.unshift(cell);
    else if (out.length) break;
  }
  return out;
}

export function tableModel(table: HTMLTableElement): TableModel {
  const grid: (HTMLTableCellElement | undefined)[][] = [];
  const origin = new Map<HTMLTableCellElement, [number, number]>();
  const rows = [...table.rows].filter((tr) => tr.closest('table') === table);
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of tr.cells) {
      while (grid[r]![c]) c++;
      origin.set(cell, [r, c]);
      // rowspan="0" means "to the end of the section"; the rows we have are the end.
      const rs = cell.rowSpan === 0 ? rows.length - r : Math.max(1, cell.rowSpan);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        const line = (grid[r + dr] ??= []);
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) line[c + dc] = cell;
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  let head = new Set<Element>([...origin.keys()].filter(isHeader));
  // No header markup at all: the first row labels the columns and a first column of words labels the rows.
  if (head.size === 0 && grid.length > 1) {
    head = new Set(grid[0]!.filter(Boolean) as Element[]);
    const first = grid.slice(1).map((line) => line[0]).filter(Boolean) as HTMLTableCellElement[];
    if (first.length && first.every((td) => !/^\s*[\d.,%\-]*\s*$/.test(td.textContent!))) for (const td of first) head.add(td);
  }
  const cells: Cell[] = [];
  const columns: (HTMLTableCellElement | undefined)[][] = [];
  for (const [el, [r, c]] of origin) {
    if (head.has(el) || !el.textContent!.trim()) continue;
    const column = (columns[c] ??= grid.map((line) => line[c]));
    cells.push({ el, r, c, rows: nearestHeaders(grid[r]!, c, el, head), cols: nearestHeaders(column, r, el, head) });
  }
  return { el: table, cells, grid };
}
