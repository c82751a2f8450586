/**
 * The template's application table states its own check in its corner header: 第一项加第二项之和，等于第三项
 * 加第四项之和 (新收 + 上年结转 = 办理结果总计 + 结转下年度). For an answer in one of those rows, the columns
 * where the page's numbers do not add up — so the answer can say so. Only column names are returned: the
 * reader is never shown a sum that is not on the page.
 */
import type { CellEntry } from './page-index.js';
import { normalise } from './text.js';

const RULE = /第一项加第二项之和.{0,3}等于第三项加第四项之和/;

export function sumMismatch(entry: CellEntry): string[] {
  const { table } = entry;
  if (!RULE.test(normalise(table.el.textContent!))) return [];
  const byRow = new Map<number, typeof table.cells>();
  for (const c of table.cells) byRow.set(c.r, [...(byRow.get(c.r) ?? []), c]);
  const rowOf = (first: string, last?: string) =>
    [...byRow.values()].find((cells) => {
      const heads = cells[0]!.rows.map((h) => normalise(h.textContent!.trim()));
      return heads[0]?.startsWith(first) && (!last || heads[heads.length - 1]!.includes(last));
    });
  const rows = [rowOf('一'), rowOf('二'), rowOf('三', '总计'), rowOf('四')];
  if (rows.some((r) => !r) || !rows.some((r) => r!.includes(entry.cell))) return [];
  const out: string[] = [];
  for (const cell of rows[0]!) {
    const at = rows.map((r) => Number(r!.find((c) => c.c === cell.c)?.el.textContent!.trim()));
    if (at.some((n) => Number.isNaN(n))) continue;
    if (Math.abs(at[0]! + at[1]! - at[2]! - at[3]!) > 1e-9) out.push(cell.cols[cell.cols.length - 1]?.textContent!.trim() ?? '');
  }
  return out.filter(Boolean);
}
