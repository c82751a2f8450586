/**
 * Shows the reader where an answer is, without changing the site's markup: the text is highlighted with the
 * CSS Custom Highlight API (a constructed stylesheet adopted by the document) or, where that API is missing,
 * with boxes of our own laid over it; the page scrolls it into view; and the document selection is put on
 * it, so keyboard and screen-reader reading (and the next Tab) continue from the answer's place. No
 * tabindex or attribute is added to the site's content. The highlight goes at the reader's next key or click.
 */
const NAME = 'yidu-qa';
const MARK_TAG = 'yidu-qa-mark';
const COLOR = 'background-color:#ffe45c;color:#000000';

let clear: (() => void) | null = null;

/** A range over `node`'s text, or over characters `start`–`end` of it. */
export function rangeOf(node: Element, start?: number, end?: number): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  if (start === undefined || end === undefined) return range;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let at = 0;
  let startSet = false;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    const len = t.data.length;
    // Leading spaces of the sentence are not part of it.
    if (!startSet && start < at + len) {
      range.setStart(t, start - at);
      startSet = true;
    }
    if (end <= at + len) {
      range.setEnd(t, end - at);
      break;
    }
    at += len;
  }
  return range;
}

function highlight(range: Range): () => void {
  const highlights = (CSS as { highlights?: Map<string, unknown> }).highlights;
  const Ctor = (window as { Highlight?: new (r: Range) => unknown }).Highlight;
  if (highlights && Ctor) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`::highlight(${NAME}){${COLOR}}@media (forced-colors:active){::highlight(${NAME}){background-color:Mark;color:MarkText}}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    highlights.set(NAME, new Ctor(range));
    return () => {
      highlights.delete(NAME);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  // Boxes over the text's line rectangles, in our own element at the end of <body>; clicks pass through.
  const host = document.createElement(MARK_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host{position:absolute!important;top:0!important;left:0!important;pointer-events:none!important;z-index:2147483646!important}
    div{position:absolute;${COLOR};opacity:.45;outline:2px solid #000000}@media (forced-colors:active){div{background-color:Highlight}}`);
  root.adoptedStyleSheets = [sheet];
  for (const r of range.getClientRects()) {
    const box = document.createElement('div');
    for (const [k, v] of [['left', r.left + scrollX], ['top', r.top + scrollY], ['width', r.width], ['height', r.height]] as const) {
      box.style.setProperty(k, `${v}px`);
    }
    root.append(box);
  }
  document.body.append(host);
  return () => host.remove();
}

/** Highlights, scrolls to and selects the answer's place; `done` runs when the highlight goes. */
export function showPlace(node: Element, range: Range): void {
  clearPlace();
  node.scrollIntoView({ block: 'center' });
  const unhighlight = highlight(range);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const onMove = (e: Event) => {
    if (e instanceof KeyboardEvent && ['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
    clearPlace();
  };
  // Listening only (passive, capture): the site still gets every key and click.
  const opts = { capture: true, passive: true } as const;
  const timer = setTimeout(() => {
    document.addEventListener('keydown', onMove, opts);
    document.addEventListener('pointerdown', onMove, opts);
  });
  clear = () => {
    clearTimeout(timer);
    unhighlight();
    document.removeEventListener('keydown', onMove, opts);
    document.removeEventListener('pointerdown', onMove, opts);
  };
}

export function clearPlace(): void {
  clear?.();
  clear = null;
}
