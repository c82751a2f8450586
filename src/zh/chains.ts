/**
 * Builds conversion chains from the generated dictionary data (see scripts/zh/dict.mjs), in the same
 * order of dictionaries as opencc-js's presets (`s2tw`, `tw2s`, …).
 */
import { CharTable, Dict, Stack, type Chain, type PairTable } from './engine.js';
import { lzmaDecode } from './lzma.js';

import type { Variant } from '../core/config.js';
export type { Variant };

/** Phrase entries in the dense form (see `undense`), in code units of `StData.units`. */
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
  /** CJK compatibility ideographs to their unified forms (see `CharTable`). */
  normalize: PairTable;
  /** Each character's first conversion (see `CharTable`). */
  chars: PairTable;
  /**
   * The code units of every phrase key (the variants' own entries' too), most frequent first in blocks
   * (see `rankTable`, `undense`).
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
  /** CJK compatibility ideographs to their unified forms (see `CharTable`). */
  normalize: PairTable;
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
function text(units: Uint8Array | Uint16Array): string {
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Placeholder in an encoded value: "same as this key character converted on its own". */
export const SAME = '~';
/** The dense form (scripts/zh/dense.mjs): byte values below SINGLE are whole codes; the first SHARED of them give a key's shared-prefix length. */
const SINGLE = 240;
const SHARED = 16;
const BLOCK = 256;

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
 * A dense list (scripts/zh/dense.mjs) back in the front-coded form `decodePart` reads: sorted keys, each as
 * the number of code units it shares with the previous key, then the rest of its code units, every symbol
 * one byte (a character below U+0100: the shared lengths, then the most frequent code units of `units`) or
 * two (a lead byte from SINGLE on, then any) — the first unit of a key sharing nothing as a step (see below);
 * `values` adds each entry's value, in key order, when given. A few milliseconds for the whole dictionary.
 */
export function undense(units: string, keys: string, values: string | null): string {
  // Written as code units into one buffer: a few milliseconds, where string concatenation took tens.
  const out = new Uint16Array(2 * keys.length + (values?.length ?? 0));
  let o = 0;
  let keyLength = 0;
  let v = 0;
  const value = () => {
    if (values === null || o === 0) return;
    const end = values.charCodeAt(v) === 0x20 ? values.indexOf('|', v) : v + keyLength;
    for (; v < end; v++) out[o++] = values.charCodeAt(v);
    if (values.charCodeAt(v) === 0x7c) v++;
  };
  // A key sharing nothing starts with its step from the previous such key's first unit (code SHARED: the
  // unit itself follows).
  let first = 0;
  let stepNext = false;
  for (let i = 0; i < keys.length; ) {
    let c = keys.charCodeAt(i++);
    if (c < SHARED) {
      value();
      if (o > 0) out[o++] = 0x7c;
      out[o++] = 48 + c;
      keyLength = c;
      stepNext = c === 0;
      continue;
    }
    if (c >= SINGLE) c = SINGLE + (c - SINGLE) * 256 + keys.charCodeAt(i++);
    if (stepNext) {
      first = c === SHARED ? (keys.charCodeAt(i++) << 8) | keys.charCodeAt(i++) : first + c - SHARED;
      out[o++] = first;
      stepNext = false;
    } else out[o++] = units.charCodeAt(c - SHARED);
    keyLength++;
  }
  value();
  return text(out.subarray(0, o));
}

/** A single-character dictionary from its shipped form. */
export const pairDict = (table: PairTable): CharTable => new CharTable(table);

/**
 * Phrase entries decoded lazily: each sorted, front-coded list (see `decodePart`) splits into parts by first
 * code unit (an entry sharing nothing with the previous key starts one), and a part is decoded the first time
 * a text looks up a key starting with that code unit. Building a chain is then one split and a map of a few thousand parts.
 */
function deferredPhrases(lists: readonly [string, boolean][], chars: CharTable): Dict {
  const dict = new Dict();
  const loaders = new Map<number, (() => void)[]>();
  for (const [encoded, plain] of lists) {
    if (encoded === '') continue;
    // The first entry shares nothing (its leading "0"); the split takes it from every other part.
    const split = encoded.split('|0');
    split[0] = split[0]!.slice(1);
    for (const part of split) {
      const unit = part.charCodeAt(0);
      const open = () => openPart(part, chars, dict, plain);
      const list = loaders.get(unit);
      if (list) list.push(open);
      else loaders.set(unit, [open]);
    }
  }
  dict.defer(loaders);
  return dict;
}

/**
 * A part's entries, deferred once more by their first two code units (as `Dict.matchAt` looks them up): in
 * the sorted list an entry sharing exactly one code unit with the previous key starts a new second one.
 * (Every phrase key has two characters at least: the generator checks.)
 */
function openPart(part: string, chars: CharTable, dict: Dict, plain: boolean): void {
  const subs = part.split('|1');
  const c0 = part.charCodeAt(0);
  // The first sub-part starts with its whole first key; the others with their first key's second code unit.
  dict.deferPair(c0, part.charCodeAt(1), () => decodePart(subs[0]!, chars, dict, '', 0, plain));
  for (let k = 1; k < subs.length; k++) {
    const sub = subs[k]!;
    dict.deferPair(c0, sub.charCodeAt(0), () => decodePart(sub, chars, dict, part[0]!, 1, plain));
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

/**
 * Entries from the sorted, front-coded list, the first without its shared length: `shared` code units of
 * `prev` begin its key. Each entry starts with one character giving how many code units its key shares with
 * the previous key (`0` = 0, `1` = 1, …), followed by the rest of the key; in a `plain` list that is all (the
 * value is the key converted character by character). Otherwise the value follows: for a value as long as
 * its key with no character outside the Basic Multilingual Plane, one character per key character, `~`
 * where the value has that character's own conversion; otherwise a space and the whole value.
 */
function decodePart(part: string, chars: CharTable, dict: Dict, prev: string, shared: number, plain: boolean): void {
  const n = part.length;
  for (let start = 0; start < n; ) {
    let end = part.indexOf('|', start);
    if (end < 0) end = n;
    const space = plain ? -1 : part.indexOf(' ', start);
    let key: string;
    let value: string;
    if (plain) {
      key = prev.slice(0, shared) + part.slice(start, end);
      value = charwise(key, chars);
    } else if (space >= 0 && space < end) {
      key = prev.slice(0, shared) + part.slice(start, space);
      value = part.slice(space + 1, end);
    } else {
      const len = (end - start + shared) / 2;
      key = prev.slice(0, shared) + part.slice(start, start + len - shared);
      value = '';
      for (let j = 0, v = start + len - shared; j < len; j++, v++) {
        const c = part[v]!;
        value += c === SAME ? (chars.get(key[j]!) ?? key[j]!) : c;
      }
    }
    dict.add(key, value);
    prev = key;
    shared = part.charCodeAt(end + 1) - 48;
    start = end + 2;
  }
}

/** The phrase lists front-coded (`decodePart`), with whether each is the `plain` list. */
function frontCoded(data: StData, stage2?: Stage2): [string, boolean][] {
  const units = rankTable(data.units);
  return [data, ...(stage2 ? [stage2] : [])].flatMap((l): [string, boolean][] =>
    [[undense(units, l.phrases, l.values), false], [undense(units, l.plain, null), true]]);
}

/**
 * Every phrase entry of `data` (and of a variant's own lists), decoded at once (the tests read the shipped
 * dictionary back with it).
 */
export function phraseEntries(data: StData, stage2?: Stage2): Map<string, string> {
  const chars = pairDict(data.chars);
  const dict = new Dict();
  for (const [encoded, plain] of frontCoded(data, stage2)) {
    if (encoded !== '') decodePart(encoded.slice(1), chars, dict, '', 0, plain);
  }
  return dict.map;
}

/** `stage2`: the variant's second stage (none for `t`). */
export function stChain(data: StData, variant: Variant, stage2?: Stage2): Chain {
  const chars = pairDict(data.chars);
  const phrases = deferredPhrases(frontCoded(data, stage2), chars);
  // opencc's first stage is one group: phrases, then characters.
  const stages: Chain['stages'] = [new Stack([phrases, chars])];
  if (variant !== 't') {
    const second = new Dict();
    for (const s of stage2?.dicts ?? []) second.addSerialized(s);
    stages.push(second);
  }
  return { normalize: pairDict(data.normalize), segmentation: variant === 't' ? null : phrases, stages };
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
