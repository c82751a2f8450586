/** axe-core in test pages: one tag list, one runner, and the filter for what lies inside yidu's own UI. */
import type { AxeResults, Result } from 'axe-core';
import type { TestPage } from './helpers.js';

/** WCAG 2.0–2.2, levels A and AA. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (loaded into the page on first use) over the whole page. */
export async function axe(page: TestPage): Promise<AxeResults> {
  const win = page.win as unknown as { axe?: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } };
  if (!win.axe) {
    const s = page.doc.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((r, j) => { s.onload = r; s.onerror = j; });
    page.doc.head.append(s);
    await loaded;
  }
  return win.axe!.run(page.doc, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] });
}

export const describeViolations = (vs: Result[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' ')}`).join('\n');

/** Violations whose node is in yidu's UI: a selector of the target (shadow hosts first) is one of our elements. */
export function inYidu(results: AxeResults): Result[] {
  return results.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => String(n.target[0]).split(/[\s>,]+/).some((part) => part.startsWith('yidu-'))) }))
    .filter((v) => v.nodes.length > 0);
}
