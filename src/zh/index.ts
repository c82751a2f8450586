/**
 * The 简繁 converter, loaded on first use as its own chunk. The dictionaries are chunks of their own,
 * imported by the first-load effect (src/zh/boot.ts) so that this chunk shares nothing with the entry.
 */
import { stChain, tsChain, type Stage2, type StData, type TsData, type Variant } from './chains.js';
import { convert, type Chain } from './engine.js';

export { PageConverter, direction } from './page.js';
export { convert };

/** Builds the chain (a few milliseconds: phrase entries are decoded as the text needs them). */
export function buildChain(source: 'hans' | 'hant', variant: Variant, data: StData | TsData, stage2?: Stage2): Chain {
  return source === 'hant' ? tsChain(data as TsData, variant) : stChain(data as StData, variant, stage2);
}
