/**
 * The 简繁 conversion engine: opencc-js's algorithm (normalise, segment by phrases, then convert each
 * segment through a chain of longest-match dictionaries) over flat `Map`s that build in a few milliseconds
 * instead of opencc-js's Map-of-Maps trie. For a single string the output is exactly opencc-js's; for text
 * split across inline elements (`<b>头</b>发`) `convertPieces` matches phrases across the split wherever the
 * phrase maps character for character, so every piece keeps its own share of the result.
 *
 * No DOM here: the build script runs the same code in Node to generate the dictionaries.
 */

/** Longest-match lookups, as the conversion passes use them. */
export interface Matcher {
  /** Length of the longest key matching `s` at `i` (not beyond `end`), or 0. */
  matchAt(s: string, i: number, end: number): number;
  /** The value of a key `matchAt` just found. */
  get(key: string): string | undefined;
  /** Sets `table[u]` for the first code unit `u` of every key. */
  markStarts(table: Uint8Array): void;
}

/** Dictionary entries kept encoded until a text holds their first two code units (see `Dict.defer`). */
export interface DeferredEntries {
  /** The first code unit of every key. */
  readonly firstUnits: readonly number[];
  /** Adds to `dict` every entry whose key starts with code units `a`, `b`. */
  load(a: number, b: number, dict: Dict): void;
}

/** A pair of code units as a small integer (a 30-bit bucket: shared buckets only make the bound looser). */
const pairBucket = (a: number, b: number) => ((a & 0x7fff) << 15) | (b & 0x7fff);

/** One longest-match dictionary (opencc-js: a dictionary group; the first entry for a key wins). */
export class Dict implements Matcher {
  readonly map = new Map<string, string>();
  /**
   * Longest key (in UTF-16 units) of two or more units starting with each pair of code units: most positions
   * in a text start no such key, so matching there costs one number lookup and one single-character lookup.
   */
  readonly #maxLen = new Map<number, number>();
  /** Longest key in UTF-16 units (unknown while entries are deferred). */
  longest = 0;
  /**
   * Entries not decoded yet (see `defer`), and the pairs of first code units already decoded. A report meets a
   * few hundred characters and not many more pairs of them, so most of a large dictionary is never decoded.
   */
  #deferred: readonly DeferredEntries[] = [];
  /** By first code unit, the second ones (two small integers: one number for both would not be). */
  readonly #loaded = new Map<number, Set<number>>();

  /** `key`'s entry, unless an earlier one has it already: the first entry for a key wins, as in opencc-js. */
  add(key: string, value: string): void {
    if (key === '' || this.map.has(key)) return;
    this.map.set(key, value);
    if (key.length > this.longest) this.longest = key.length;
    if (key.length < 2) return;
    const c = pairBucket(key.charCodeAt(0), key.charCodeAt(1));
    if ((this.#maxLen.get(c) ?? 0) < key.length) this.#maxLen.set(c, key.length);
  }

  /**
   * Entries kept encoded, in precedence order: when a text first holds a pair of code units, each adds its
   * entries whose keys start with that pair (every deferred key has two code units at least).
   */
  defer(entries: readonly DeferredEntries[]): void {
    this.#deferred = entries;
    this.longest = Infinity;
  }

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  markStarts(table: Uint8Array): void {
    for (const k of this.map.keys()) table[k.charCodeAt(0)] = 1;
    for (const d of this.#deferred) for (const u of d.firstUnits) table[u] = 1;
  }

  /**
   * opencc's serialised form `"k v|k v"`; only the first candidate of each entry counts and, as in
   * opencc-js, a later line for the same key replaces an earlier one (so read from the end).
   */
  addSerialized(dict: string): this {
    if (dict === '') return this;
    for (const line of dict.split('|').reverse()) {
      const space = line.indexOf(' ');
      const next = line.indexOf(' ', space + 1);
      this.add(line.slice(0, space), line.slice(space + 1, next < 0 ? undefined : next));
    }
    return this;
  }

  get size(): number {
    return this.map.size;
  }

  matchAt(s: string, i: number, end: number): number {
    const map = this.map;
    const c0 = s.charCodeAt(i);
    const c1 = i + 1 < end ? s.charCodeAt(i + 1) : -1;
    const pair = c1 >= 0 ? pairBucket(c0, c1) : -1;
    if (this.#deferred.length > 0 && c1 >= 0) {
      let seconds = this.#loaded.get(c0);
      if (!seconds) this.#loaded.set(c0, (seconds = new Set()));
      if (!seconds.has(c1)) {
        seconds.add(c1);
        for (const d of this.#deferred) d.load(c0, c1, this);
      }
    }
    if (pair >= 0) {
      let len = this.#maxLen.get(pair) ?? 0;
      if (i + len > end) len = end - i;
      // A candidate ending between the halves of a surrogate pair can never be a key.
      for (; len > 1; len--) if (map.has(s.slice(i, i + len))) return len;
    }
    return map.has(s[i]!) ? 1 : 0;
  }
}

/** A single-character dictionary as shipped: [steps, values] (see CharTable). */
export type PairTable = readonly [string, string];
const STEP_BASE = 0x100;
const ESCAPE = 0x21; // "!"

/**
 * A dictionary of single code points (the character tables): an array indexed by code unit, so there is no
 * map to build on the reader's click. The first entry for a key wins.
 */
export class CharTable implements Matcher {
  readonly #bmp = new Array<string | undefined>(65536);
  /** The keys in the BMP, for `markStarts` (a walk over the array's 60,000 holes took milliseconds). */
  readonly #bmpKeys: number[] = [];
  readonly #astral = new Map<string, string>();
  longest = 0;

  /**
   * `table`: the keys in code point order, each as its step from the previous key in one character
   * (STEP_BASE + step, or ESCAPE and the key itself), and the values, one code point each: the form
   * scripts/zh/pairs.mjs writes, a third smaller in gzip than plain pairs.
   */
  constructor([steps, values]: PairTable) {
    const bmp = this.#bmp;
    let key = 0;
    for (let i = 0, v = 0; i < steps.length; i++) {
      const c = steps.charCodeAt(i);
      if (c === ESCAPE) {
        key = steps.codePointAt(++i)!;
        if (key > 0xffff) i++;
      } else key += c - STEP_BASE;
      const value = (values.charCodeAt(v) & 0xfc00) === 0xd800 ? values.slice(v, v + 2) : values[v]!;
      v += value.length;
      if (key <= 0xffff) {
        if (bmp[key] === undefined) {
          bmp[key] = value;
          this.#bmpKeys.push(key);
        }
      } else {
        const k = String.fromCodePoint(key);
        if (!this.#astral.has(k)) this.#astral.set(k, value);
      }
    }
    this.longest = this.#astral.size > 0 ? 2 : steps.length > 0 ? 1 : 0;
  }

  matchAt(s: string, i: number, end: number): number {
    const c = s.charCodeAt(i);
    if ((c & 0xfc00) === 0xd800 && i + 1 < end && this.#astral.has(s.slice(i, i + 2))) return 2;
    return this.#bmp[c] === undefined ? 0 : 1;
  }

  get(key: string): string | undefined {
    return key.length === 1 ? this.#bmp[key.charCodeAt(0)] : this.#astral.get(key);
  }

  markStarts(table: Uint8Array): void {
    for (const c of this.#bmpKeys) table[c] = 1;
    for (const k of this.#astral.keys()) table[k.charCodeAt(0)] = 1;
  }
}

/**
 * The CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) to their unified forms: Unicode's own
 * canonical mapping (NFC), which the browser already has. opencc's CJK_Compatibility_Ideographs table is
 * exactly that mapping over both blocks (scripts/zh/dict.mjs checks every code point at each generation, the
 * dictionary tests in each browser), so the table no longer travels: 2 KB of every 简繁 download.
 */
export class CompatIdeographs implements Matcher {
  readonly longest = 2;

  matchAt(s: string, i: number, end: number): number {
    const c = s.charCodeAt(i);
    // U+2F800–U+2FA1F all start with this lead surrogate.
    const len = c >= 0xf900 && c <= 0xfaff ? 1 : c === 0xd87e && i + 1 < end ? 2 : 0;
    return len > 0 && this.get(s.slice(i, i + len)) !== undefined ? len : 0;
  }

  get(key: string): string | undefined {
    const unified = key.normalize('NFC');
    return unified === key ? undefined : unified;
  }

  markStarts(table: Uint8Array): void {
    table.fill(1, 0xf900, 0xfb00);
    table[0xd87e] = 1;
  }
}

/**
 * Several dictionaries as one longest-match group (opencc-js loads a group into one trie): the longest
 * match over all wins, and for the same key the earlier dictionary's value. Lets the phrase dictionary serve
 * as the segmentation on its own and, stacked over the characters, as the first stage.
 */
export class Stack implements Matcher {
  constructor(readonly dicts: readonly (Dict | CharTable)[]) {}

  matchAt(s: string, i: number, end: number): number {
    let best = 0;
    for (const d of this.dicts) {
      if (d.longest <= best) continue;
      const len = d.matchAt(s, i, end);
      if (len > best) best = len;
    }
    return best;
  }

  get(key: string): string | undefined {
    for (const d of this.dicts) {
      const v = d.get(key);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  markStarts(table: Uint8Array): void {
    for (const d of this.dicts) d.markStarts(table);
  }
}

/** opencc-js skips an unmatched ideographic description sequence as one unit. */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
const cpLen = (s: string, i: number) => ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
function idsEnd(s: string, i: number, n: number): number {
  const arity = idsArity(s.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + cpLen(s, i);
  for (let k = 0; k < arity; k++) {
    if (end >= n) return 0;
    const child = idsEnd(s, end, n);
    end = child || end + cpLen(s, end);
  }
  return end;
}
/** opencc-js's step over unmatched text (within the string being converted). */
function unmatchedLength(s: string, i: number): number {
  const e = idsEnd(s, i, s.length);
  return e > i ? e - i : cpLen(s, i);
}

/** A conversion: optional normalisation, optional segmentation, then the chain of stages. */
export interface Chain {
  normalize: Matcher | null;
  segmentation: Matcher | null;
  stages: Matcher[];
}

/** Marks a piece boundary that a length-changing match crosses: those pieces convert apart. */
class Crossed {
  constructor(readonly boundary: number) {}
}

/**
 * One longest-match pass over `s[from, to)` (opencc-js `Trie.convert` on that substring), appending to
 * `out` and moving the piece boundaries that fall inside the range. Returns a Crossed when a boundary sits
 * inside a match that does not map unit for unit.
 */
function pass(dict: Matcher, s: string, from: number, to: number, out: string[], outLen: number,
  bounds: number[], mapped: number[], bi: number): number | Crossed {
  // `outLen` is the output length so far; `bi` is the index of the first boundary ≥ from.
  const sub = from === 0 && to === s.length ? s : s.slice(from, to);
  const n = sub.length;
  let plain = -1;
  let o = outLen;
  for (let i = 0; i < n; ) {
    while (bi < bounds.length && bounds[bi]! <= from + i) mapped[bi] = o + (from + i - bounds[bi]!), bi++;
    const len = dict.matchAt(sub, i, n);
    if (len > 0) {
      if (plain >= 0) (out.push(sub.slice(plain, i)), (plain = -1));
      const value = dict.get(sub.slice(i, i + len))!;
      while (bi < bounds.length && bounds[bi]! < from + i + len) {
        const at = bounds[bi]! - from - i;
        if (value.length !== len || isSplitPair(value, at) || isSplitPair(sub, i + at)) return new Crossed(bi);
        mapped[bi] = o + at;
        bi++;
      }
      out.push(value);
      o += value.length;
      i += len;
    } else {
      if (plain < 0) plain = i;
      const step = unmatchedLength(sub, i);
      // Boundaries inside an unmatched unit (a surrogate pair or description sequence) stay in place.
      while (bi < bounds.length && bounds[bi]! < from + i + step) mapped[bi] = o + (bounds[bi]! - from - i), bi++;
      o += step;
      i += step;
    }
  }
  if (plain >= 0) out.push(sub.slice(plain));
  return o;
}

const isSplitPair = (s: string, at: number) =>
  at > 0 && at < s.length && (s.charCodeAt(at - 1) & 0xfc00) === 0xd800 && (s.charCodeAt(at) & 0xfc00) === 0xdc00;

/** opencc-js `Trie.segment`: phrase matches and the unmatched runs between them, as [start, end) pairs. */
function segment(dict: Matcher, s: string): number[] {
  const cuts: number[] = [0];
  const n = s.length;
  let inPlain = false;
  for (let i = 0; i < n; ) {
    const len = dict.matchAt(s, i, n);
    if (len > 0) {
      if (inPlain && i !== 0) cuts.push(i);
      inPlain = false;
      i += len;
      if (i < n) cuts.push(i);
    } else {
      inPlain = true;
      i += unmatchedLength(s, i);
    }
  }
  cuts.push(n);
  return cuts;
}

/** Runs one stage over every segment; boundaries move with the text. */
/** Code units that can start a key of each dictionary (see `Matcher.markStarts`). */
const STARTS = new WeakMap<Matcher, Uint8Array>();

/**
 * False when no code unit of `s` can start a key of `dict`: a pass over `s` then changes nothing (most text
 * has no compatibility ideograph to normalise, and no character the Taiwan or Hong Kong stage changes).
 */
function mayMatch(dict: Matcher, s: string): boolean {
  let starts = STARTS.get(dict);
  if (!starts) {
    starts = new Uint8Array(65536);
    dict.markStarts(starts);
    STARTS.set(dict, starts);
  }
  for (let i = 0; i < s.length; i++) if (starts[s.charCodeAt(i)]) return true;
  return false;
}

function stage(dict: Matcher, s: string, cuts: number[], bounds: number[]): { s: string; cuts: number[]; bounds: number[] } | Crossed {
  if (!mayMatch(dict, s)) return { s, cuts, bounds };
  const out: string[] = [];
  const mapped = new Array<number>(bounds.length);
  const newCuts: number[] = [0];
  let o = 0;
  let bi = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    while (bi < bounds.length && bounds[bi]! < from) bi++;
    const r = pass(dict, s, from, to, out, o, bounds, mapped, bi);
    if (r instanceof Crossed) return r;
    o = r;
    newCuts.push(o);
  }
  // Boundaries at the very end.
  for (let j = 0; j < bounds.length; j++) if (mapped[j] === undefined) mapped[j] = o - (s.length - bounds[j]!);
  return { s: out.join(''), cuts: newCuts, bounds: mapped };
}

function run(chain: Chain, s: string, bounds: number[]): { s: string; bounds: number[] } | Crossed {
  let cur = { s, cuts: [0, s.length], bounds };
  if (chain.normalize) {
    const r = stage(chain.normalize, cur.s, cur.cuts, cur.bounds);
    if (r instanceof Crossed) return r;
    cur = { ...r, cuts: [0, r.s.length] };
  }
  if (chain.segmentation) cur.cuts = segment(chain.segmentation, cur.s);
  for (const d of chain.stages) {
    const r = stage(d, cur.s, cur.cuts, cur.bounds);
    if (r instanceof Crossed) return r;
    cur = r;
  }
  return cur;
}

/** Converts one string; exactly opencc-js's result for the same dictionaries. */
export function convert(chain: Chain, s: string): string {
  const r = run(chain, s, []);
  return (r as { s: string }).s;
}

/**
 * Converts text split into pieces (text nodes of one inline run) as one text, so phrases across the splits
 * convert as phrases; each piece gets its share. Where a length-changing match would cross a split, the
 * pieces on either side convert apart.
 */
export function convertPieces(chain: Chain, pieces: readonly string[]): string[] {
  if (pieces.length <= 1) return pieces.map((p) => convert(chain, p));
  const bounds: number[] = [];
  let at = 0;
  for (let k = 0; k + 1 < pieces.length; k++) bounds.push((at += pieces[k]!.length));
  const r = run(chain, pieces.join(''), bounds);
  if (r instanceof Crossed) {
    const k = r.boundary + 1;
    return [...convertPieces(chain, pieces.slice(0, k)), ...convertPieces(chain, pieces.slice(k))];
  }
  const out: string[] = [];
  let prev = 0;
  for (const b of r.bounds) (out.push(r.s.slice(prev, b)), (prev = b));
  out.push(r.s.slice(prev));
  return out;
}
