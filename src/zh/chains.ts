/**
 * Builds conversion chains from the generated dictionary data (see scripts/zh/dict.mjs), in the same
 * order of dictionaries as opencc-js's presets (`s2tw`, `tw2s`, …).
 */
import { CharTable, CompatIdeographs, Dict, Stack, type Chain, type DeferredEntries, type PairTable } from './engine.js';
import { lzmaDecode } from './lzma.js';

import type { Variant } from '../core/config.js';
export type { Variant };

/** Phrase entries in the dense form (see `DenseList`), in code units of `StData.units`. */
export interface PhraseLists {
  /** Keys of the entries with a value of their own. */
  phrases: string;
  /** Their values in key order. */
  values: string;
  /**
   * Keys of the entries whose value is their characters converted one by one (they matter only for where
   * phrases are cut), without values.
   */
  plain: string;
}

/**
 * Simplified→Traditional data: characters and the phrase entries an exact conversion needs (see
 * scripts/zh/exact.mjs). Each variant's second stage (Taiwan or Hong Kong forms and phrases) is a small chunk
 * of its own, so a reader downloads only their variant's.
 */
export interface StData extends PhraseLists {
  /** Each character's first conversion (see `CharTable`). */
  chars: PairTable;
  /**
   * The code units of every phrase key (the variants' own entries' too), most frequent first in blocks
   * (see `rankTable`, `DenseList`).
   */
  units: string;
}

/** A variant's second stage, a chunk of its own (none for `t`). */
export interface Stage2 extends PhraseLists {
  /** opencc's second-stage dictionaries, in opencc order, whole. */
  dicts: readonly string[];
  // The phrase lists: entries the shared dictionary leaves out but this variant keeps (its phrase table has
  // longer keys that could cross a cut only the shared dictionary makes; see scripts/zh/exact.mjs).
}

/** Traditional→Simplified data: opencc's dictionaries as they are (small already). */
export interface TsData {
  segmentation: string;
  chars: string[];
  stage1: Record<Exclude<Variant, 't'>, string[]>;
}

/**
 * A dictionary chunk as shipped: the data as JSON, LZMA-compressed, in base64 (scripts/zh/pack.mjs), about a
 * tenth less gzip transfer than the data as a module. `T` is what `unpack` gives back.
 */
export interface Packed<T> {
  lzma: string;
  /** Never set: only ties the type of the data inside to the chunk. */
  readonly unpacked?: T;
}

/**
 * A chunk's data; `pause` lets the page run between slices of the decoding. The payload is the JSON of the
 * data, a zero byte, then the fields that are bytes (the dense lists), as its `bytes` lists them.
 */
export async function unpack<T>(packed: Packed<T>, pause?: () => Promise<void>): Promise<T> {
  const payload = await lzmaDecode(packed.lzma, pause);
  let at = payload.indexOf(0);
  const data = JSON.parse(new TextDecoder().decode(payload.subarray(0, at++))) as Record<string, unknown> & { bytes: [string, number][] };
  for (const [name, length] of data.bytes) {
    data[name] = text(payload.subarray(at, (at += length)));
  }
  return data as T;
}

/** Code units as a string, in pieces (one call with every unit as an argument overflows the stack). */
function text(units: Uint8Array): string {
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Placeholder in an encoded value: "same as this key character converted on its own". */
export const SAME = '~';
/**
 * The dense form (scripts/zh/dense.mjs): byte values below SINGLE are whole codes, the first SHARED of them a
 * key's shared-prefix length (and no other byte is below SHARED); from SINGLE on, a byte leads a two-byte code
 * whose second byte is one of SECOND values.
 */
const SINGLE = 240;
const SHARED = 16;
const SECOND = 256 - SHARED;
const BLOCK = SECOND;

/**
 * The rank table: code units in blocks (the one-character codes, then every BLOCK two-character codes),
 * each unit as its step from the previous one in its block (the first from 0): 0x100 + step, or `!` and the
 * unit itself.
 */
function rankTable(steps: string): string {
  const units: string[] = [];
  let prev = 0;
  for (let i = 0; i < steps.length; i++) {
    const r = units.length;
    if (r >= SINGLE - SHARED && (r - SINGLE + SHARED) % BLOCK === 0) prev = 0;
    const c = steps.charCodeAt(i);
    prev = c === 0x21 ? steps.charCodeAt(++i) : prev + c - 0x100;
    units.push(String.fromCharCode(prev));
  }
  return units.join('');
}

/**
 * A dense list (scripts/zh/dense.mjs): sorted keys, each as the number of code units it shares with the
 * previous key (a byte below SHARED), then the rest of its code units, each one byte (SHARED to SINGLE - 1:
 * the most frequent code units of `units`, the rank table) or two (a lead byte from SINGLE on, then one from
 * SHARED on) — but the first unit of a key sharing nothing, written as its step from the previous such key's
 * first unit (code SHARED: the unit itself follows, three digits in base SECOND). Its values, unless plain, in key order: for a value as
 * long as its key with no character outside the Basic Multilingual Plane, one character per key character,
 * `~` where the value has that character's own conversion; otherwise a space, the whole value and `|`.
 */
interface DenseList {
  units: string;
  keys: string;
  values: string | null;
}

/** The code at `i` in a dense list's keys: one byte, or a lead byte from SINGLE on and one more. */
const codeAt = (keys: string, i: number): number => {
  const c = keys.charCodeAt(i);
  return c >= SINGLE ? SINGLE + (c - SINGLE) * SECOND + keys.charCodeAt(i + 1) - SHARED : c;
};
/** How many bytes the code starting with byte `c` takes. */
const codeLength = (c: number): number => (c >= SINGLE ? 2 : 1);

/** A code unit written out in `keys` at `at`: three digits in base SECOND, each a byte from SHARED on. */
const unitWritten = (keys: string, at: number): number =>
  ((keys.charCodeAt(at) - SHARED) * SECOND + keys.charCodeAt(at + 1) - SHARED) * SECOND + keys.charCodeAt(at + 2) - SHARED;

/** A stretch of a dense list that starts at a key: its keys' bytes [from, to) and where its values begin. */
type Stretch = readonly [from: number, to: number, vFrom: number];

/**
 * Splits a stretch where a key shares at most `depth` code units with the previous one, and calls `emit` with
 * the code unit at index `depth` of each piece's keys and the piece: depth 0 gives a list's parts by first code
 * unit, depth 1 a part's pieces by second. No string is made; entries are decoded when a text needs them
 * (`decodeStretch`). A list with values is read symbol by symbol (each key's length says how far its value
 * goes); a plain one, four fifths of the bytes, is searched for its next header by the browser's own string
 * search, several times faster on a cold first run than a loop of ours.
 */
function split({ units, keys, values }: DenseList, [from, to, vFrom]: Stretch, depth: 0 | 1, emit: (unit: number, from: number, to: number, vFrom: number) => void): void {
  let i = from;
  let v = vFrom;
  let keyLength = 0;
  let first = 0;
  let unit = -1;
  let start = from;
  let vStart = vFrom;
  const header = String.fromCharCode(depth);
  while (i < to) {
    const c = keys.charCodeAt(i);
    if (c >= SHARED && values === null) {
      // Between two of this split's headers lie keys sharing more: nothing to read in them.
      const next = keys.indexOf(header, i);
      i = next < 0 || next > to ? to : next;
      continue;
    }
    if (c >= SHARED) {
      i += codeLength(c);
      keyLength++;
      continue;
    }
    // A new key: first past the previous key's value.
    if (i > from && values !== null) {
      v = values.charCodeAt(v) === 0x20 ? values.indexOf('|', v) : v + keyLength;
      if (values.charCodeAt(v) === 0x7c) v++;
    }
    i++;
    keyLength = c;
    if (c > depth) continue;
    if (unit >= 0) emit(unit, start, i - 1, vStart);
    start = i - 1;
    vStart = v;
    if (c === 0) {
      const step = codeAt(keys, i);
      i += codeLength(keys.charCodeAt(i));
      if (step !== SHARED) first += step - SHARED;
      else {
        first = unitWritten(keys, i);
        i += 3;
      }
      keyLength = 1;
    }
    unit = first;
    if (depth === 1) {
      unit = units.charCodeAt(codeAt(keys, i) - SHARED);
      i += codeLength(keys.charCodeAt(i));
      keyLength++;
    }
  }
  if (unit >= 0) emit(unit, start, to, vStart);
}

/**
 * Adds the entries of a piece (`split`, depth 1) whose keys start with code unit `first`; a `plain` list's
 * values are their keys converted character by character.
 */
function decodeStretch({ units, keys, values }: DenseList, [from, to, vFrom]: Stretch, first: number, plain: boolean, chars: CharTable, dict: Dict): void {
  let i = from;
  let v = vFrom;
  let key = String.fromCharCode(first);
  while (i < to) {
    const shared = keys.charCodeAt(i++);
    // A piece's first key shares nothing (its first unit is `first`: the step is skipped) or that unit.
    if (shared === 0) i += keys.charCodeAt(i) === SHARED ? 4 : codeLength(keys.charCodeAt(i));
    let k = key.slice(0, Math.max(shared, 1));
    while (i < to) {
      const c = keys.charCodeAt(i);
      if (c < SHARED) break;
      k += units[codeAt(keys, i) - SHARED]!;
      i += codeLength(c);
    }
    let value: string;
    if (plain || values === null) value = charwise(k, chars);
    else if (values.charCodeAt(v) === 0x20) {
      const end = values.indexOf('|', v);
      value = values.slice(v + 1, end);
      v = end + 1;
    } else {
      value = '';
      for (let j = 0; j < k.length; j++, v++) {
        const c = values[v]!;
        value += c === SAME ? (chars.get(k[j]!) ?? k[j]!) : c;
      }
      if (values.charCodeAt(v) === 0x7c) v++;
    }
    dict.add(k, value);
    key = k;
  }
}

/** A single-character dictionary from its shipped form. */
export const pairDict = (table: PairTable): CharTable => new CharTable(table);

/** The index of `unit` among the units at `stride`-th places of `sorted`, or -1. */
function find(sorted: readonly number[], stride: number, unit: number): number {
  let lo = 0;
  let hi = sorted.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = sorted[mid * stride]!;
    if (u === unit) return mid;
    if (u < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A dense list's entries, decoded as a text meets them: the list splits into parts by first code unit when
 * the chain is built (one pass over its bytes); a part, when a text first holds its unit, into pieces by
 * second code unit; a piece's entries are decoded when a text holds its pair (`Dict.matchAt` looks keys up by
 * their first two code units). Parts and pieces are kept as numbers, not closures: a report opens some ten
 * thousand pieces and decodes a few hundred.
 */
class DenseEntries implements DeferredEntries {
  readonly firstUnits: number[] = [];
  /** Each part as from, to, vFrom (see `Stretch`), in the order of `firstUnits`. */
  readonly #parts: number[] = [];
  /** The pieces of each part a text has met, by part: second unit, from, to, vFrom, in unit order. */
  readonly #pieces = new Map<number, number[]>();

  constructor(readonly list: DenseList, readonly plain: boolean, readonly chars: CharTable) {
    split(list, [0, list.keys.length, 0], 0, (unit, from, to, vFrom) => {
      this.firstUnits.push(unit);
      this.#parts.push(from, to, vFrom);
    });
  }

  load(a: number, b: number, dict: Dict): void {
    const part = find(this.firstUnits, 1, a);
    if (part < 0) return;
    let pieces = this.#pieces.get(part);
    if (!pieces) {
      const found: number[] = (pieces = []);
      const at = 3 * part;
      split(this.list, [this.#parts[at]!, this.#parts[at + 1]!, this.#parts[at + 2]!], 1, (unit, from, to, vFrom) => found.push(unit, from, to, vFrom));
      this.#pieces.set(part, pieces);
    }
    const piece = find(pieces, 4, b);
    if (piece >= 0) decodeStretch(this.list, [pieces[4 * piece + 1]!, pieces[4 * piece + 2]!, pieces[4 * piece + 3]!], a, this.plain, this.chars, dict);
  }
}

/** `key` converted one character at a time (a phrase entry of the `plain` list). */
function charwise(key: string, chars: CharTable): string {
  let value = '';
  for (let j = 0; j < key.length; j++) {
    const c = (key.charCodeAt(j) & 0xfc00) === 0xd800 ? key.slice(j, j + 2) : key[j]!;
    value += chars.get(c) ?? c;
    j += c.length - 1;
  }
  return value;
}

/** The phrase lists as dense lists, with whether each is the `plain` list. */
function denseLists(data: StData, stage2?: Stage2): [DenseList, boolean][] {
  const units = rankTable(data.units);
  return [data, ...(stage2 ? [stage2] : [])].flatMap((l): [DenseList, boolean][] =>
    [[{ units, keys: l.phrases, values: l.values }, false], [{ units, keys: l.plain, values: null }, true]]);
}

/**
 * Every phrase entry of `data` (and of a variant's own lists), decoded at once (the tests read the shipped
 * dictionary back with it).
 */
export function phraseEntries(data: StData, stage2?: Stage2): Map<string, string> {
  const chars = pairDict(data.chars);
  const dict = new Dict();
  for (const [list, plain] of denseLists(data, stage2)) {
    split(list, [0, list.keys.length, 0], 0, (unit, from, to, vFrom) =>
      split(list, [from, to, vFrom], 1, (_, f, t, v) => decodeStretch(list, [f, t, v], unit, plain, chars, dict)));
  }
  return dict.map;
}

/** `stage2`: the variant's second stage (none for `t`). */
export function stChain(data: StData, variant: Variant, stage2?: Stage2): Chain {
  const chars = pairDict(data.chars);
  const phrases = new Dict();
  phrases.defer(denseLists(data, stage2).map(([list, plain]) => new DenseEntries(list, plain, chars)));
  // opencc's first stage is one group: phrases, then characters.
  const stages: Chain['stages'] = [new Stack([phrases, chars])];
  if (variant !== 't') {
    const second = new Dict();
    for (const s of stage2?.dicts ?? []) second.addSerialized(s);
    stages.push(second);
  }
  return { normalize: new CompatIdeographs(), segmentation: variant === 't' ? null : phrases, stages };
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
    normalize: new CompatIdeographs(),
    segmentation: variant === 't' ? null : new Dict().addSerialized(data.segmentation),
    stages,
  };
}
