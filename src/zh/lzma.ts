/**
 * A decoder for the LZMA "alone" format (a 13-byte header, then the range-coded stream), as scripts/zh/pack.mjs
 * writes the dictionary chunks. Written here rather than taken from a package: the one well-kept JavaScript
 * LZMA (the `lzma` package, which the build uses to encode) decodes through generic code that took about
 * 0.5 s on the 繁体 dictionary and is 3 KB gzip on its own; this one is about 1 KB. It follows the format's
 * reference decoder (LzmaSpec.cpp, public domain) step by step.
 *
 * Written for the first, cold run (a reader's first 繁体 click runs code the engine has never seen): the coder
 * in small module-level functions that the engine compiles within the first kilobytes and keeps for the next
 * chunk (closures made per call are compiled again; only `run`, which holds the decoder's state, is one),
 * int32 arithmetic only (see `Coder`), the input read from atob's string without a copy. docs/zh.md has the
 * figures.
 */

/** Milliseconds of decoding between two pauses: the 繁体 chunk takes a few slices, so no task runs long. */
const SLICE_MS = 8;

// Probabilities, one array: is-match first (at 0), then the offsets below.
const IS_REP = 192;
const IS_REP_G0 = IS_REP + 12;
const IS_REP_G1 = IS_REP_G0 + 12;
const IS_REP_G2 = IS_REP_G1 + 12;
const IS_REP0_LONG = IS_REP_G2 + 12;
const POS_SLOT = IS_REP0_LONG + 192;
const SPEC_POS = POS_SLOT + 4 * 64;
const ALIGN = SPEC_POS + 115;
const LEN = ALIGN + 16;
// A length coder: choice, choice2, low[16][8] (from 2), mid[16][8] (from 130), high[256] (from 258).
const LEN_SIZE = 2 + 2 * 16 * 8 + 256;
const REP_LEN = LEN + LEN_SIZE;
const LITERAL = REP_LEN + LEN_SIZE;

/**
 * The coder: [range, code, input offset] as int32. Range is kept as its 32 bits; code with its top bit flipped,
 * so that the format's unsigned `code < bound` is a signed comparison: int32 values only, which the engine's
 * optimizing tiers keep in registers (unsigned values above 2^31 made them fall back to doubles).
 */
type Coder = Int32Array;
const FLIP = -0x80000000;

/** A bit tree from node `m` until `top` (a leaf): the node's bits below `top`. */
function tree(rc: Coder, input: string, p: Uint16Array, base: number, m: number, top: number): number {
  let range = rc[0]!;
  let code = rc[1]!;
  while (m < top) {
    const i = base + m;
    const prob = p[i]!;
    const bound = Math.imul(range >>> 11, prob);
    if (code < (bound ^ FLIP)) {
      range = bound;
      p[i] = prob + ((2048 - prob) >> 5);
      m <<= 1;
    } else {
      range = (range - bound) | 0;
      code = (code - bound) | 0;
      p[i] = prob - (prob >> 5);
      m = (m << 1) | 1;
    }
    if (!(range >>> 24)) {
      range <<= 8;
      code = ((code << 8) | input.charCodeAt(rc[2]++)) ^ FLIP;
    }
  }
  rc[0] = range;
  rc[1] = code;
  return m - top;
}

/** One bit: a tree of one level. */
const bit = (rc: Coder, input: string, p: Uint16Array, i: number): number => tree(rc, input, p, i - 1, 1, 2);

function reverse(rc: Coder, input: string, p: Uint16Array, base: number, bits: number): number {
  let m = 1;
  let s = 0;
  for (let i = 0; i < bits; i++) {
    const b = bit(rc, input, p, base + m);
    m = (m << 1) | b;
    s |= b << i;
  }
  return s;
}

/** Bits of even probability (high bits of far distances). */
function direct(rc: Coder, input: string, bits: number): number {
  let range = rc[0]!;
  let code = rc[1]!;
  let s = 0;
  for (let i = 0; i < bits; i++) {
    range >>>= 1;
    let b = 0;
    if (code >= (range ^ FLIP)) {
      code = (code - range) | 0;
      b = 1;
    }
    s = (s << 1) | b;
    if (!(range >>> 24)) {
      range <<= 8;
      code = ((code << 8) | input.charCodeAt(rc[2]++)) ^ FLIP;
    }
  }
  rc[0] = range;
  rc[1] = code;
  return s;
}

function length(rc: Coder, input: string, p: Uint16Array, base: number, posState: number): number {
  if (!bit(rc, input, p, base)) return tree(rc, input, p, base + 2 + posState * 8, 1, 8);
  if (!bit(rc, input, p, base + 1)) return 8 + tree(rc, input, p, base + 130 + posState * 8, 1, 8);
  return 16 + tree(rc, input, p, base + 258, 1, 256);
}

/**
 * The bytes `base64` packs. With `pause`, the decoding gives way to the page about every SLICE_MS (the first
 * run of this code is not yet compiled and takes several times its later speed).
 */
export async function lzmaDecode(base64: string, pause?: () => Promise<void>, sliceMs = SLICE_MS): Promise<Uint8Array> {
  // Read from atob's string as it is: base64 in the chunk (binary fetched as data would need a request CSP might
  // deny), and no copy into a byte array (a loop over the whole input before any decoding).
  const input = atob(base64);
  const props = input.charCodeAt(0);
  const lc = props % 9;
  const lpMask = (1 << (((props / 9) | 0) % 5)) - 1;
  const pbMask = (1 << ((props / 45) | 0)) - 1;
  // The uncompressed size (the header's 8 bytes, little-endian; our data is far below 2^31).
  const size = input.charCodeAt(5) | (input.charCodeAt(6) << 8) | (input.charCodeAt(7) << 16) | (input.charCodeAt(8) << 24);
  const out = new Uint8Array(size);
  const p = new Uint16Array(LITERAL + 0x300 * ((lpMask + 1) << lc)).fill(1024);
  // Range 2^32 - 1; the code's first byte is always 0, its other four big-endian; the stream goes on at 18.
  const rc: Coder = new Int32Array([-1, ((input.charCodeAt(14) << 24) | (input.charCodeAt(15) << 16) | (input.charCodeAt(16) << 8) | input.charCodeAt(17)) ^ FLIP, 18]);

  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let pos = 0;
  /**
   * Decodes until the output reaches `end`; true at the end marker. Synchronous, so that its loop is compiled
   * on its own rather than as part of this async function.
   */
  const run = (end: number): boolean => {
    while (pos < end) {
      const posState = pos & pbMask;
      if (!bit(rc, input, p, (state << 4) + posState)) {
        const base = LITERAL + 0x300 * (((pos & lpMask) << lc) + ((pos > 0 ? out[pos - 1]! : 0) >> (8 - lc)));
        let m = 1;
        if (state >= 7) {
          // After a match the byte at its distance predicts this one, bit by bit, until they differ.
          let match = out[pos - rep0 - 1]!;
          do {
            const mb = (match >> 7) & 1;
            match <<= 1;
            const b = bit(rc, input, p, base + ((1 + mb) << 8) + m);
            m = (m << 1) | b;
            if (mb !== b) break;
          } while (m < 0x100);
        }
        out[pos++] = m < 0x100 ? tree(rc, input, p, base, m, 0x100) : m;
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let len: number;
      if (bit(rc, input, p, IS_REP + state)) {
        if (!bit(rc, input, p, IS_REP_G0 + state)) {
          if (!bit(rc, input, p, IS_REP0_LONG + (state << 4) + posState)) {
            state = state < 7 ? 9 : 11;
            out[pos] = out[pos - rep0 - 1]!;
            pos++;
            continue;
          }
        } else {
          let dist: number;
          if (!bit(rc, input, p, IS_REP_G1 + state)) dist = rep1;
          else {
            if (!bit(rc, input, p, IS_REP_G2 + state)) dist = rep2;
            else {
              dist = rep3;
              rep3 = rep2;
            }
            rep2 = rep1;
          }
          rep1 = rep0;
          rep0 = dist;
        }
        len = length(rc, input, p, REP_LEN, posState);
        state = state < 7 ? 8 : 11;
      } else {
        rep3 = rep2;
        rep2 = rep1;
        rep1 = rep0;
        len = length(rc, input, p, LEN, posState);
        state = state < 7 ? 7 : 10;
        const slot = tree(rc, input, p, POS_SLOT + (len < 3 ? len : 3) * 64, 1, 64);
        if (slot < 4) rep0 = slot;
        else {
          const bits = (slot >> 1) - 1;
          rep0 = (2 | (slot & 1)) << bits;
          if (slot < 14) rep0 += reverse(rc, input, p, SPEC_POS + rep0 - slot, bits);
          else rep0 = (rep0 + direct(rc, input, bits - 4) * 16 + reverse(rc, input, p, ALIGN, 4)) | 0;
          // The end marker (a distance of 2^32 - 1): the size is known, so a stream ends without one.
          if (rep0 === -1) return true;
        }
      }
      // Distances of 2^31 and more come out negative: far beyond any output here.
      if (rep0 >>> 0 >= pos) throw new Error('corrupt LZMA data');
      for (const stop = Math.min(pos + len + 2, size); pos < stop; pos++) out[pos] = out[pos - rep0 - 1]!;
    }
    return false;
  };

  let sliceStart = performance.now();
  // A look at the clock every 4 KB of output.
  while (pos < size && !run(pause ? Math.min(pos + 4096, size) : size)) {
    if (pause && performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  // What the caller does with the bytes (parse, build) starts a task of its own.
  if (pause) await pause();
  return out;
}
