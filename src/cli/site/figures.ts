/**
 * 适老化 figures, measured in the page with a mode applied: how much of the article's text is 18 px or
 * larger, how much has a line height of 1.5 or more, and how many of yidu's own controls are at least
 * 60 × 60 px. Figures to help a reviewer judge, never a verdict.
 */
import type { Page } from 'puppeteer-core';
import type { ModeReport } from '../../audit/report.js';
import { round, type Figures } from './site-report.js';

/** The modes figures are measured in: the page as it is, and 长者模式. */
export const FIGURE_MODES = ['default', 'elder'];

export async function measureFigures(page: Page, contentSelectors: string[]): Promise<Omit<Figures, 'contrastFailures'>> {
  const raw = await page.evaluate((selectors) => {
    const root = selectors.map((s) => document.querySelector(s)).find(Boolean) ?? document.body;
    let chars = 0;
    let large = 0;
    let spaced = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const styles = new Map<Element, { size: number; line: number } | null>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node.nodeValue ?? '').replace(/\s+/g, '').length;
      const el = node.parentElement;
      if (!length || !el) continue;
      let style = styles.get(el);
      if (style === undefined) {
        const cs = getComputedStyle(el);
        const hidden = el.closest('script, style, noscript, template') || cs.visibility !== 'visible' || el.getClientRects().length === 0;
        const size = parseFloat(cs.fontSize);
        // `normal` is about 1.2 in the usual fonts: below 1.5 either way.
        style = hidden ? null : { size, line: cs.lineHeight === 'normal' ? size * 1.2 : parseFloat(cs.lineHeight) };
        styles.set(el, style);
      }
      if (!style) continue;
      chars += length;
      if (style.size >= 17.99) large += length;
      if (style.line >= style.size * 1.5 - 0.01) spaced += length;
    }
    let count = 0;
    let atLeast60 = 0;
    const visit = (scope: Document | ShadowRoot, inside: boolean) => {
      for (const el of scope.querySelectorAll('*')) {
        const own = inside || el.localName.startsWith('yidu-');
        if (own && el.matches('button, a[href], input, select, textarea, [role="button"], [role="menuitem"], [role="tab"], [role="switch"]')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) {
            count++;
            if (r.width >= 59.99 && r.height >= 59.99) atLeast60++;
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot, own);
      }
    };
    visit(document, false);
    return { chars, large, spaced, count, atLeast60 };
  }, contentSelectors);
  return {
    chars: raw.chars,
    text18: raw.chars ? round(raw.large / raw.chars) : 0,
    lineHeight15: raw.chars ? round(raw.spaced / raw.chars) : 0,
    targets: { count: raw.count, atLeast60: raw.atLeast60 },
  };
}

/** Text contrast failures of a mode outside yidu's UI (the baseline's own, plus those the mode introduced). */
export function contrastFailures(mode: ModeReport): number {
  return [...mode.page, ...mode.introduced].filter((v) => v.rule === 'color-contrast').reduce((n, v) => n + v.nodes.length, 0);
}
