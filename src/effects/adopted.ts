/**
 * Page-level styles go into constructed stylesheets adopted by the document: they pass a strict
 * `style-src 'self'` policy (no <style> element, no style attribute) and come off without a trace.
 */
export function adopt(sheet: CSSStyleSheet, on: boolean, doc: Document = document): void {
  const sheets = doc.adoptedStyleSheets;
  const has = sheets.includes(sheet);
  if (on && !has) doc.adoptedStyleSheets = [...sheets, sheet];
  else if (!on && has) doc.adoptedStyleSheets = sheets.filter((s) => s !== sheet);
}

/**
 * Raises a rule's specificity by three IDs so it beats the id-and-class selectors of typical templates
 * (`#zoom p { font-size: 14px !important }`) without touching the site's markup. `#_` never matches an id.
 */
export const BOOST = ':not(#_):not(#_):not(#_)';
