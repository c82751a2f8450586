/**
 * The 简繁 converter, loaded on first use as its own chunk. The dictionaries are chunks of their own,
 * imported by the first-load effect (src/zh/boot.ts) so that this chunk shares nothing with the entry.
 */
import { stChain, tsChain, unpack, type Packed, type Stage2, type StData, type TsData, type Variant } from './chains.js';
import { convert, type Chain } from './engine.js';
import { yieldToPage } from './scheduler.js';

export { PageConverter, direction } from './page.js';
export { convert };

/**
 * Builds the chain: the chunks unpacked in slices (tens of milliseconds in all), then a few milliseconds
 * (phrase entries are decoded as the text needs them).
 */
export async function buildChain(source: 'hans' | 'hant', variant: Variant, data: Packed<StData> | Packed<TsData>, stage2?: Packed<Stage2>): Promise<Chain> {
  const unpacked = await unpack<StData | TsData>(data, yieldToPage);
  const second = stage2 && (await unpack(stage2, yieldToPage));
  return source === 'hant' ? tsChain(unpacked as TsData, variant) : stChain(unpacked as StData, variant, second);
}
