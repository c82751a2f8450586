/**
 * 区域跳转 (Alt+1…6): the page regions readers of the deployed toolbars jump between — header, navigation,
 * article, side column, footer, search. Landmarks by default; a site whose template has none names its own
 * parts in config `regions`. A jump scrolls the region into view, outlines it for a moment, and makes the next
 * Tab start inside it, without leaving a tabindex (or anything else) on the site's elements.
 */
import { resolveContentRoot } from '../../core/content-root.js';
import { OverlayElement, showOverlay } from './overlay.js';

/**
 * Default selectors, in Alt+1…6 order, each a list tried one by one (a browser without `:has()` still finds
 * the others). Header and footer of an article or section are not the page's.
 */
export const DEFAULT_REGIONS: readonly (readonly string[] | null)[] = [
  ['header:not(main *, article *, section *, aside *, nav *)', '[role=banner]'],
  ['nav', '[role=navigation]'],
  null, // the article: config `content` (or the first of main, article, [role=main], #zoom)
  ['aside:not(main *, article *)', '[role=complementary]'],
  ['footer:not(main *, article *, section *, aside *, nav *)', '[role=contentinfo]'],
  ['search', '[role=search]', 'form:has(input[type=search])'],
];

/** Config `regions`: up to six selectors separated by `;`, an empty one keeping its default. */
export function parseRegions(config: string): (readonly string[] | null)[] {
  const own = config.split(';').map((s) => s.trim());
  return DEFAULT_REGIONS.map((d, i) => (own[i] ? [own[i]!] : d));
}

function queryAll(doc: Document, selector: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return []; // a selector this browser does not know
  }
}

function shown(el: Element): boolean {
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** The element of region `n` (1–6) on this page, or null: the first one that is shown. */
export function findRegion(n: number, regions: string, content: string | null, doc: Document = document): HTMLElement | null {
  const selectors = parseRegions(regions)[n - 1];
  if (selectors === undefined) return null;
  const found = selectors === null
    ? [resolveContentRoot(content, doc)]
    : selectors.flatMap((s) => queryAll(doc, s)).filter((el) => !el.localName.startsWith('yidu-'))
      // In page order, whichever selector found them.
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return (found.find((el) => el && shown(el)) as HTMLElement | undefined) ?? null;
}

const MARK_TAG = 'yidu-region-mark';
const MARK_CSS = `:host{position:absolute !important;z-index:2147483647 !important;pointer-events:none !important;display:block !important;
box-sizing:border-box !important;border:4px solid #d00000 !important;box-shadow:0 0 0 2px #ffffff !important;margin:0 !important;
right:auto !important;bottom:auto !important;padding:0 !important;background:transparent !important;overflow:visible !important}
@media (forced-colors: active){:host{border-color:Highlight !important}}
@media (prefers-reduced-motion: no-preference){:host{transition:opacity .4s}}`;

/** Decoration only: the live region says where the reader went. */
class RegionMark extends OverlayElement {
  static override css = MARK_CSS;
}

/** How long the outline stays, in ms. */
export const MARK_MS = 2000;

export class RegionJump {
  #mark: HTMLElement | null = null;
  #timer = 0;

  /** Moves the reader to `el`: in view, outlined, and where the next Tab starts. */
  jump(el: HTMLElement): void {
    const doc = el.ownerDocument;
    el.scrollIntoView({ block: 'start' });
    // Focus the region itself for an instant, so the browser's next-Tab starting point is inside it, then take
    // back the tabindex we lent it: the site's markup is left exactly as it was. A region that is focusable
    // already (or has its own tabindex) simply keeps focus.
    if (el.hasAttribute('tabindex')) el.focus({ preventScroll: true });
    else {
      el.setAttribute('tabindex', '-1');
      el.focus({ preventScroll: true });
      el.removeAttribute('tabindex');
    }
    this.#outline(el, doc);
  }

  #outline(el: HTMLElement, doc: Document): void {
    this.clear();
    const r = el.getBoundingClientRect();
    const win = doc.defaultView!;
    // In document coordinates, so it scrolls with the region.
    const mark = showOverlay<RegionMark>(doc, MARK_TAG, RegionMark);
    mark.style.setProperty('left', `${r.left + win.scrollX - 4}px`, 'important');
    mark.style.setProperty('top', `${r.top + win.scrollY - 4}px`, 'important');
    mark.style.setProperty('width', `${r.width + 8}px`, 'important');
    mark.style.setProperty('height', `${r.height + 8}px`, 'important');
    this.#mark = mark;
    this.#timer = win.setTimeout(() => this.clear(), MARK_MS);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#mark?.remove();
    this.#mark = null;
  }
}
