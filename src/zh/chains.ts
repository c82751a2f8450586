/**
 * Builds conversion chains from the generated dictionary data (see scripts/zh/dict.mjs), in the same
 * order of dictionaries as opencc-js's presets (`s2tw`, `tw2s`, …).
 */
import { Dict, type Chain } from './engine.js';

export type Variant = 'tw' | 'hk' | 't' | 'twp' | 'hkp';

/** Simplified→Traditional data: characters, pruned phrases (compact), and each variant's second stage. */
export interface StData {
  /** Pairs of code points (see `pairDict`). */
  normalize: string;
  /** Pairs of code points: each character's first conversion. */
  chars: string;
  /** Entries `key` + `value`, `|`-separated; see `decodePhrases`. */
  phrases: string;
  stage2: Record<Exclude<Variant, 't'>, string[]>;
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
    const shared = entry.charCodeAt(0) - 48;
    const space = entry.indexOf(' ');
    const rest = Array.from(space >= 0 ? entry.slice(1, space) : entry.slice(1));
    let keyCps: string[];
    let value: string;
    if (space >= 0) {
      keyCps = prev.slice(0, shared).concat(rest);
      value = entry.slice(space + 1);
    } else {
      const n = (rest.length + shared) / 2;
      keyCps = prev.slice(0, shared).concat(rest.slice(0, n - shared));
      value = '';
      for (let i = 0; i < n; i++) {
        const v = rest[n - shared + i]!;
        value += v === SAME ? (chars.map.get(keyCps[i]!) ?? keyCps[i]!) : v;
      }
    }
    prev = keyCps;
    each(keyCps.join(''), value);
  }
}

/** Single-character dictionaries as one string of key/value code point pairs. */
export function pairDict(pairs: string): Dict {
  const d = new Dict();
  const cps = Array.from(pairs);
  for (let i = 0; i + 1 < cps.length; i += 2) d.add(cps[i]!, cps[i + 1]!);
  return d;
}

export function stChain(data: StData, variant: Variant): Chain {
  const chars = pairDict(data.chars);
  const stage1 = new Dict();
  const segmentation = variant === 't' ? null : new Dict();
  decodePhrases(data.phrases, chars, (k, v) => {
    stage1.add(k, v);
    segmentation?.add(k, v);
  });
  for (const [k, v] of chars.map) stage1.add(k, v);
  const stages = [stage1];
  if (variant !== 't') {
    const d = new Dict();
    for (const s of data.stage2[variant]) d.addSerialized(s);
    stages.push(d);
  }
  return { normalize: pairDict(data.normalize), segmentation, stages };
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
