/** Finds the article the reading modes act on. */
import { warn } from './log.js';

export const DEFAULT_CONTENT_SELECTORS = ['main', 'article', '[role=main]', '#zoom', 'body'] as const;

export function resolveContentRoot(selector: string | null, doc: Document = document): Element | null {
  if (selector) {
    const found = doc.querySelector(selector);
    if (found) return found;
    warn(`content selector "${selector}" matches no element; using the first of ${DEFAULT_CONTENT_SELECTORS.join(', ')}.`);
  }
  for (const s of DEFAULT_CONTENT_SELECTORS) {
    const found = doc.querySelector(s);
    if (found) return found;
  }
  return doc.body;
}
