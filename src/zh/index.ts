/**
 * The 简繁 converter, loaded on first use as its own chunk. The dictionaries are chunks of their own,
 * imported by the first-load effect (src/effects/zh.ts) so that this chunk shares nothing with the entry.
 */
import { stBuilder, tsChain, type StData, type TsData, type Variant } from './chains.js';
import { convert, type Chain } from './engine.js';
import { yieldToPage } from './page.js';

export { PageConverter, direction } from './page.js';
export { convert };

/** Builds the chain a few thousand entries at a time, so building on a click is never one long task. */
export async function buildChain(source: 'hans' | 'hant', variant: Variant, data: StData | TsData, stage2: readonly string[]): Promise<Chain> {
  if (source === 'hant') return tsChain(data as TsData, variant);
  const build = stBuilder(data as StData, variant, stage2);
  for (let deadline = performance.now() + 10; !build.step(500); ) {
    if (performance.now() > deadline) (await yieldToPage(), (deadline = performance.now() + 10));
  }
  return build.chain;
}
