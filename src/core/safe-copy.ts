/**
 * The one way yidu copies the article's markup (打印文章, 纯文本; 下载Word and 下载PDF share its rules for
 * frames, media and images through ./article.ts). A copy must never run the site's code or load anything
 * the page has not loaded already, so it is built element by element in an inert document (no window: no
 * scripts, no loads, no custom element definitions) and only the cleaned result may be adopted into the page:
 * - scripts, styles, links, templates and yidu's own elements are left out, with what is not displayed;
 * - inline handlers (`on…`), `javascript:` URLs, `autofocus`, `ping` and `is` are dropped;
 * - frames, objects, embeds, video and audio become a placeholder naming them, with their address as text;
 * - an image keeps only the address the reader sees it from (`currentSrc`), without `srcset`, `sizes` or
 *   `loading`, so adopting it reuses the browser's copy; one that has not loaded (or an image button) keeps
 *   no address and shows its alt text;
 * - the site's custom elements (any name with a hyphen) become plain `div`/`span` with their children, and
 *   customized built-ins (`is=`) plain elements of their tag, so the page's definitions never construct them
 *   a second time;
 * - form fields keep what the reader typed or chose, without `name` or `form`, so they join no group or form.
 */
import { placeholderLabels, type PlaceholderLabels } from '../i18n/export-strings.js';

const HTML = 'http://www.w3.org/1999/xhtml';

/** Code and page machinery, never article text: left out with everything inside (`source` and `track` only
 * choose what a picture or media element loads). */
const MACHINERY = new Set(['script', 'noscript', 'template', 'style', 'link', 'meta', 'base', 'source', 'track']);
/** Elements that load or play something of their own, and the word their placeholder uses. */
const EMBEDS: Readonly<Record<string, 'frame' | 'video' | 'audio'>> = {
  iframe: 'frame', frame: 'frame', object: 'frame', embed: 'frame', portal: 'frame', fencedframe: 'frame',
  video: 'video', audio: 'audio',
};
/** Attributes that choose, delay or report a load, or run code, whatever their value. */
const DROPPED = new Set(['srcset', 'sizes', 'loading', 'autofocus', 'ping', 'is', 'nonce']);
/** Attributes holding a URL, where a `javascript:` value would run code when followed. */
const URLS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'cite', 'background', 'codebase']);
/** Form controls lose these, so a copied radio button never unchecks the page's own. */
const CONTROLS = new Set(['input', 'select', 'textarea', 'button', 'fieldset', 'output']);
/** SVG animations that could write a handler or a link into the copy later. */
const ANIMATIONS = new Set(['set', 'animate', 'animateMotion', 'animateTransform']);

export interface SafeCopyOptions {
  /** A CSS selector list of elements to leave out as well (yidu's skip list); one the browser refuses is ignored. */
  skip?: string;
}

/** The address of the picture the reader sees in `img`, or null when it has not loaded (or failed). */
export function shownImage(img: HTMLImageElement): string | null {
  return img.complete && img.naturalWidth > 0 ? img.currentSrc || img.src || null : null;
}

/** `frame`, `video` or `audio` for elements that load or play content of their own; null otherwise. */
export function embedKind(el: Element): 'frame' | 'video' | 'audio' | null {
  return (el.namespaceURI === HTML && EMBEDS[el.localName]) || null;
}

/** What stands for a frame or media element in a copy: `［视频：name　地址：https://…］`. */
export function placeholderText(el: Element, labels: PlaceholderLabels = placeholderLabels(el)): string {
  const kind = embedKind(el) ?? 'frame';
  const name = accessibleName(el);
  const address = addressOf(el);
  return `［${labels[kind]}${name ? `：${name}` : ''}${address ? `　${labels.address}${address}` : ''}］`;
}

/** The name the element is announced by: aria-labelledby, aria-label or title (object: its fallback text). */
function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ids = el.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const named = ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ');
  const fallback = el.localName === 'object' ? el.textContent ?? '' : '';
  for (const text of [named, el.getAttribute('aria-label'), el.getAttribute('title'), fallback]) {
    const clean = text?.replace(/\s+/g, ' ').trim();
    if (clean) return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
  }
  return '';
}

/** The web address the element shows or plays, when it has one (never `data:`, `blob:` or `about:`). */
function addressOf(el: Element): string {
  const media = el as HTMLMediaElement;
  const candidates = [
    el.localName === 'video' || el.localName === 'audio' ? media.currentSrc : '',
    el.getAttribute(el.localName === 'object' ? 'data' : 'src'),
    el.querySelector('source[src]')?.getAttribute('src'),
  ];
  for (const value of candidates) {
    if (!value) continue;
    try {
      const url = new URL(value, el.baseURI);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      /* not an address */
    }
  }
  return '';
}

/**
 * Addresses made absolute, so the copy means the same before it is adopted (an inert document has no base
 * URL of its own, and a <base> there would break a `base-uri` policy). In-page references (`#…`) stay.
 */
function absolute(name: string, value: string, el: Element): string {
  if (!URLS.has(name.toLowerCase()) || value.startsWith('#')) return value;
  try {
    return new URL(value, el.baseURI).href;
  } catch {
    return value;
  }
}

function safeAttribute(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('on') || DROPPED.has(n)) return false;
  return !(URLS.has(n) && /^(javascript|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, '')));
}

/**
 * A copy of `root` and what it holds, owned by an inert document of its own. Read it as it is (an index can
 * take its `textContent`), or adopt it into the page with `document.adoptNode()` to show or print it: nothing
 * in it runs, loads or upgrades, then or later.
 */
export function safeCopy(root: Element, options: SafeCopyOptions = {}): Element {
  const page = root.ownerDocument;
  const win = page.defaultView;
  const inert = page.implementation.createHTMLDocument('');
  const labels = placeholderLabels(root);
  const chosen: [HTMLOptionElement, HTMLOptionElement][] = [];

  const leftOut = (el: Element): boolean => {
    if (el.localName.startsWith('yidu-') || MACHINERY.has(el.localName)) return true;
    if (ANIMATIONS.has(el.localName) && /^(on|href$|xlink:href$)/i.test(el.getAttribute('attributeName') ?? '')) return true;
    if (options.skip) {
      try {
        if (el.matches(options.skip)) return true;
      } catch {
        /* a bad site selector was reported by the config */
      }
    }
    return !!win && el.isConnected && win.getComputedStyle(el).display === 'none';
  };

  const copyAttributes = (from: Element, to: Element, except: readonly string[] = []) => {
    const control = CONTROLS.has(from.localName);
    for (const attr of Array.from(from.attributes)) {
      if (except.includes(attr.name) || (control && (attr.name === 'name' || attr.name === 'form'))) continue;
      if (safeAttribute(attr.name, attr.value)) to.setAttributeNS(attr.namespaceURI, attr.name, absolute(attr.name, attr.value, from));
    }
  };

  /** A plain element in place of a custom one: a span where it flowed in a line, a div otherwise. */
  const neutral = (el: Element): Element => {
    const display = win && el.isConnected ? win.getComputedStyle(el).display : 'inline';
    return inert.createElement(/^(inline|contents)/.test(display) ? 'span' : 'div');
  };

  const copyOf = (el: Element): Element => {
    const name = el.localName;
    const html = el.namespaceURI === HTML;
    if (embedKind(el)) {
      const box = inert.createElement('div');
      box.className = 'yidu-placeholder';
      box.textContent = placeholderText(el, labels);
      return box;
    }
    if (html && (name === 'img' || (name === 'input' && el.getAttribute('type')?.toLowerCase() === 'image'))) {
      // Without an address the copy shows its alt text, as the page does for a picture that did not load.
      const img = inert.createElement('img');
      copyAttributes(el, img, ['src', 'type', 'value']);
      const shown = name === 'img' ? shownImage(el as HTMLImageElement) : null;
      if (shown) img.setAttribute('src', shown);
      return img;
    }
    let copy: Element;
    // A hyphenated name may be (or become) one of the site's custom elements; `is=` is dropped with the other
    // attributes, and an element made here has no `is` value of its own, so a customized <p> stays a <p>.
    if (html && (name.includes('-') || name === 'body' || name === 'html')) {
      copy = neutral(el);
    } else {
      copy = inert.createElementNS(el.namespaceURI, el.prefix ? `${el.prefix}:${name}` : name);
    }
    copyAttributes(el, copy);
    if (html && name === 'input') {
      const [from, to] = [el as HTMLInputElement, copy as HTMLInputElement];
      if (from.type === 'checkbox' || from.type === 'radio') to.checked = from.checked;
      else if (from.type !== 'file') to.value = from.value;
    } else if (html && name === 'textarea') (copy as HTMLTextAreaElement).value = (el as HTMLTextAreaElement).value;
    else if (html && name === 'option') chosen.push([el as HTMLOptionElement, copy as HTMLOptionElement]);
    else if (html && name === 'canvas') {
      try {
        // What the reader sees drawn, not a blank box (a canvas the page cannot read stays blank).
        (copy as HTMLCanvasElement).getContext('2d')?.drawImage(el as HTMLCanvasElement, 0, 0);
      } catch {
        /* left blank */
      }
    }
    for (let child = el.firstChild; child; child = child.nextSibling) {
      const part = child.nodeType === Node.TEXT_NODE ? inert.createTextNode(child.nodeValue ?? '')
        : child.nodeType === Node.ELEMENT_NODE && !leftOut(child as Element) ? copyOf(child as Element) : null;
      if (part) copy.appendChild(part);
    }
    return copy;
  };

  const copy = copyOf(root);
  // Chosen options are set once their list is complete: a select resets its choice as options arrive.
  for (const [from, to] of chosen) to.selected = from.selected;
  return copy;
}
