/**
 * Builds conversion chains from the generated dictionary data (see scripts/zh/dict.mjs), in the same
 * order of dictionaries as opencc-js's presets (`s2tw`, `tw2s`, …).
 */
import { Dict, type Chain } from './engine.js';

export type Variant = 'tw' | 'hk' | 't' | 'twp' | 'hkp';

/**
 * Simplified→Traditional data: characters and pruned phrases (compact). Each variant's second stage (Taiwan
 * or Hong Kong forms and phrases) is a small chunk of its own, so a reader downloads only their variant's.
 */
export interface StData {
  /** Pairs of code points (see `pairDict`). */
  normalize: string;
  /** Pairs of code points: each character's first conversion. */
  chars: string;
  /** Entries `key` + `value`, `|`-separated; see `decodePhrases`. */
  phrases: string;
}

/** Traditional→Simplified data: opencc's dictionaries as they are (small already). */
export interface TsData {
  /** Pairs of code points (see `pairDict`). */
  normalize: string;
  segmentation: string;
  chars: string[];
  stage1: Record<Exclude<Variant, 't'>, string[]>;
}

/** Placeholder in an encoded value: "same as this key character converted on its own". */
export const SAME = '~';

/**
 * Phrase entries, sorted by key and `|`-separated, are stored against character-by-character conversion.
 * Each entry starts with one character giving how many code points its key shares with the previous key
 * (`0` = 0, `1` = 1, …), followed by the rest of the key and then, for a value as long as its key (in code
 * points), one code point per key code point, `~` where the value has that character's own conversion;
 * otherwise a space and the whole value.
 */
export function decodePhrases(encoded: string, chars: Dict, each: (key: string, value: string) => void): void {
  if (encoded === '') return;
  let prev: string[] = [];
  for (const entry of encoded.split('|')) {
    const [key, value, cps] = decodeEntry(entry, prev, chars);
    prev = cps;
    each(key, value);
  }
}

/** One entry given the previous key's code points: [key, value, key code points]. */
function decodeEntry(entry: string, prev: string[], chars: Dict): [string, string, string[]] {
  const shared = entry.charCodeAt(0) - 48;
  const space = entry.indexOf(' ');
  const rest = Array.from(space >= 0 ? entry.slice(1, space) : entry.slice(1));
  if (space >= 0) {
    const keyCps = prev.slice(0, shared).concat(rest);
    return [keyCps.join(''), entry.slice(space + 1), keyCps];
  }
  const n = (rest.length + shared) / 2;
  const keyCps = prev.slice(0, shared).concat(rest.slice(0, n - shared));
  let value = '';
  for (let i = 0; i < n; i++) {
    const v = rest[n - shared + i]!;
    value += v === SAME ? (chars.map.get(keyCps[i]!) ?? keyCps[i]!) : v;
  }
  return [keyCps.join(''), value, keyCps];
}

/** Single-character dictionaries as one string of key/value code point pairs. */
export function pairDict(pairs: string): Dict {
  const d = new Dict();
  const cps = Array.from(pairs);
  for (let i = 0; i + 1 < cps.length; i += 2) d.add(cps[i]!, cps[i + 1]!);
  return d;
}

/** `stage2`: the variant's second-stage dictionaries in opencc order (none for `t`). */
/** `stage2`: the variant's second-stage dictionaries in opencc order (none for `t`). */
export function stChain(data: StData, variant: Variant, stage2: readonly string[] = []): Chain {
  const build = stBuilder(data, variant, stage2);
  while (!build.step(Infinity));
  return build.chain;
}

/**
 * The same chain built a few thousand entries at a time (`step` returns true when done), so the page can
 * run between steps: building on the reader's click must not become one long task.
 */
export function stBuilder(data: StData, variant: Variant, stage2: readonly string[] = []): { chain: Chain; step(n: number): boolean } {
  const chars = pairDict(data.chars);
  const stage1 = new Dict();
  const segmentation = variant === 't' ? null : new Dict();
  const entries = data.phrases === '' ? [] : data.phrases.split('|');
  const stages = [stage1];
  const second = new Dict();
  if (variant !== 't') stages.push(second);
  const chain: Chain = { normalize: pairDict(data.normalize), segmentation, stages };
  let i = 0;
  let prev: string[] = [];
  return {
    chain,
    step(n: number): boolean {
      const end = Math.min(entries.length, i + n);
      for (; i < end; i++) {
        const [key, value, cps] = decodeEntry(entries[i]!, prev, chars);
        prev = cps;
        stage1.add(key, value);
        segmentation?.add(key, value);
      }
      if (i < entries.length) return false;
      for (const [k, v] of chars.map) stage1.add(k, v);
      for (const s of stage2) second.addSerialized(s);
      return true;
    },
  };
}

export function tsChain(data: TsData, variant: Variant): Chain {
  const last = new Dict();
  for (const s of data.chars) last.addSerialized(s);
  const stages = [last];
  if (variant !== 't') {
    const first = new Dict();
    for (const s of data.stage1[variant]) first.addSerialized(s);
    stages.unshift(first);
  }
  return {
    normalize: pairDict(data.normalize),
    segmentation: variant === 't' ? null : new Dict().addSerialized(data.segmentation),
    stages,
  };
}
