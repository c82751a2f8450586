/**
 * What the page converter touches: which elements' content, which attributes, and where an inline run of
 * text (converted as one, so phrases across `<b>头</b>发` convert) ends.
 */

/** Elements whose content is never converted (their own title/placeholder attributes still are). */
export const NO_CONTENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'CODE', 'PRE', 'KBD', 'SAMP',
  'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT']);
/** Elements whose text flows on with their neighbours' (phrases may continue across them). */
export const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'LABEL', 'MARK', 'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR']);
/** Attributes readers meet. `value` only on button-like inputs (a text input's value is what the reader typed). */
export const ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label', 'aria-description'];
const BUTTON_TYPES = new Set(['button', 'submit', 'reset']);

/** Is `value` an attribute we convert on `el` (a button's label, never what the reader typed)? */
export const convertsValue = (el: Element): boolean =>
  el.localName === 'input' && BUTTON_TYPES.has((el as HTMLInputElement).type);

/** Node types as numbers (the same in every frame; and shorter than `Node.TEXT_NODE` in the download). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;

/** The upper-case tag name (SVG and XHTML elements keep their case in `tagName`). */
export const tagOf = (el: Element) => el.tagName.toUpperCase();

/** Elements that are never touched, with everything inside. */
export function excluded(el: Element): boolean {
  if (el.localName.startsWith('yidu-')) return true;
  if (el.getAttribute('translate') === 'no' || el.hasAttribute('data-yidu-no-convert')) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** The nearest ancestor that is not an inline element: text nodes of one run share it. */
export function blockOf(t: Text): Element | null {
  let el = t.parentElement;
  while (el && INLINE.has(tagOf(el))) el = el.parentElement;
  return el;
}

/**
 * Is `node` inside what we convert: in one of `roots`, not excluded, not in an element whose content is never
 * converted, and not under a `lang` (as the site wrote it: `siteLang`) in the target script already?
 */
export function inScope(node: Node, roots: readonly Element[], alreadyTarget: RegExp,
  siteLang: (el: Element) => string | null): boolean {
  let langSeen = false;
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (excluded(el)) return false;
    if (el !== node && NO_CONTENT.has(tagOf(el))) return false;
    if (!langSeen) {
      const lang = siteLang(el);
      if (lang !== null) {
        langSeen = true;
        if (alreadyTarget.test(lang)) return false;
      }
    }
    if (roots.includes(el)) return true;
  }
  return false;
}
