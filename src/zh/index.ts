/**
 * The 简繁 feature, loaded on first use as its own chunk; each dictionary is one more chunk, fetched only
 * for the direction the page needs (Simplified→Traditional, or Traditional→Simplified for pages written
 * in Traditional).
 */
import { stChain, tsChain, type Variant } from './chains.js';
import { convert, type Chain } from './engine.js';

export { PageConverter, direction } from './page.js';
export { convert };

const chains = new Map<string, Promise<Chain>>();

/** The conversion from `source` to the other script, in `variant`; a failed load is retried next time. */
export function loadChain(source: 'hans' | 'hant', variant: Variant): Promise<Chain> {
  const key = `${source}:${variant}`;
  let chain = chains.get(key);
  if (!chain) {
    chain = source === 'hans'
      ? import('./generated/st.js').then((m) => stChain(m.default, variant))
      : import('./generated/ts.js').then((m) => tsChain(m.default, variant));
    chains.set(key, chain);
    chain.catch(() => chains.delete(key));
  }
  return chain;
}
