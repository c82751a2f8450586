/**
 * The 简繁 feature, loaded on first use as its own chunk; each dictionary is one more chunk, fetched only
 * for the direction the page needs (Simplified→Traditional, or Traditional→Simplified for pages written
 * in Traditional).
 */
import { stBuilder, tsChain, type Variant } from './chains.js';
import { convert, type Chain } from './engine.js';
import { retryable } from '../core/import-retry.js';

export { PageConverter, direction } from './page.js';
import { yieldToPage as pause } from './page.js';
export { convert };

const chains = new Map<string, Promise<Chain>>();

const stMain = retryable(() => import('./generated/st.js'));
const tsMain = retryable(() => import('./generated/ts.js'));
const STAGE2: Record<Variant, () => Promise<{ default: readonly string[] }>> = {
  t: () => Promise.resolve({ default: [] }),
  tw: retryable(() => import('./generated/st-tw.js')),
  hk: retryable(() => import('./generated/st-hk.js')),
  twp: retryable(() => import('./generated/st-twp.js')),
  hkp: retryable(() => import('./generated/st-hkp.js')),
};

/** The conversion from `source` to the other script, in `variant`; a failed load is retried next time. */
export function loadChain(source: 'hans' | 'hant', variant: Variant): Promise<Chain> {
  const key = `${source}:${variant}`;
  let chain = chains.get(key);
  if (!chain) {
    chain = source === 'hans'
      ? Promise.all([stMain(), STAGE2[variant]()]).then(async ([m, s2]) => {
          const build = stBuilder(m.default, variant, s2.default);
          while (!build.step(2000)) await pause();
          return build.chain;
        })
      : tsMain().then((m) => tsChain(m.default, variant));
    chains.set(key, chain);
    chain.catch(() => chains.delete(key));
  }
  return chain;
}
