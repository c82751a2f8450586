/**
 * A decoder for the LZMA "alone" format (a 13-byte header, then the range-coded stream), as scripts/zh/pack.mjs
 * writes the dictionary chunks. Written here rather than taken from a package: the one well-kept JavaScript
 * LZMA (the `lzma` package, which the build uses to encode) decodes through generic code that took about
 * 0.5 s on the 繁体 dictionary and is 3 KB gzip on its own; this one writes into one byte array (the output
 * is its own dictionary window) in some 10 ms and is about 1 KB. It follows the format's reference
 * decoder (LzmaSpec.cpp, public domain) step by step.
 */

/** Bytes of the packed data: base64 in the chunk (binary fetched as data would need a request CSP might deny). */
function bytes(base64: string): Uint8Array {
  const s = atob(base64);
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Milliseconds of decoding between two pauses: the 繁体 chunk takes a few slices, so no task runs long. */
const SLICE_MS = 8;

/**
 * The bytes `base64` packs. With `pause`, the decoding gives way to the page about every SLICE_MS (the first
 * run of this code is not yet compiled and takes several times its later speed).
 */
export async function lzmaDecode(base64: string, pause?: () => Promise<void>, sliceMs = SLICE_MS): Promise<Uint8Array> {
  const input = bytes(base64);
  const props = input[0]!;
  const lc = props % 9;
  const lp = Math.floor(props / 9) % 5;
  const pb = Math.floor(props / 45);
  // The uncompressed size (the header's 8 bytes, little-endian; our data is far below 2^32).
  const size = (input[5]! | (input[6]! << 8) | (input[7]! << 16) | (input[8]! << 24)) >>> 0;
  const out = new Uint8Array(size);

  // Probabilities, one array: the offsets below.
  const IS_MATCH = 0;
  const IS_REP = 192;
  const IS_REP_G0 = IS_REP + 12;
  const IS_REP_G1 = IS_REP_G0 + 12;
  const IS_REP_G2 = IS_REP_G1 + 12;
  const IS_REP0_LONG = IS_REP_G2 + 12;
  const POS_SLOT = IS_REP0_LONG + 192;
  const SPEC_POS = POS_SLOT + 4 * 64;
  const ALIGN = SPEC_POS + 115;
  const LEN = ALIGN + 16;
  // A length coder: choice, choice2, low[16][8], mid[16][8], high[256].
  const LEN_SIZE = 2 + 2 * 16 * 8 + 256;
  const REP_LEN = LEN + LEN_SIZE;
  const LITERAL = REP_LEN + LEN_SIZE;
  const p = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);

  let at = 13;
  // The coder's range and code, unsigned 32-bit: in a typed array they are never boxed (a quarter less time
  // on the first, cold run than in closure variables).
  const rc = new Uint32Array(2);
  rc[0] = 0xffffffff;
  for (let i = 0; i < 5; i++) rc[1] = (rc[1]! << 8) | input[at++]!;

  const bit = (i: number): number => {
    const prob = p[i]!;
    const bound = (rc[0]! >>> 11) * prob;
    let b: number;
    if (rc[1]! < bound) {
      rc[0] = bound;
      p[i] = prob + ((2048 - prob) >> 5);
      b = 0;
    } else {
      rc[0] -= bound;
      rc[1] -= bound;
      p[i] = prob - (prob >> 5);
      b = 1;
    }
    if (rc[0]! < 0x1000000) {
      rc[0] <<= 8;
      rc[1] = (rc[1]! << 8) | input[at++]!;
    }
    return b;
  };
  const tree = (base: number, bits: number): number => {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | bit(base + m);
    return m - (1 << bits);
  };
  const reverse = (base: number, bits: number): number => {
    let m = 1;
    let s = 0;
    for (let i = 0; i < bits; i++) {
      const b = bit(base + m);
      m = (m << 1) | b;
      s |= b << i;
    }
    return s;
  };
  const direct = (bits: number): number => {
    let s = 0;
    for (let i = 0; i < bits; i++) {
      rc[0] >>>= 1;
      let b = 0;
      if (rc[1]! >= rc[0]!) {
        rc[1] -= rc[0]!;
        b = 1;
      }
      s = ((s << 1) | b) >>> 0;
      if (rc[0]! < 0x1000000) {
        rc[0] <<= 8;
        rc[1] = (rc[1]! << 8) | input[at++]!;
      }
    }
    return s;
  };
  const length = (base: number, posState: number): number => {
    if (!bit(base)) return tree(base + 2 + posState * 8, 3);
    if (!bit(base + 1)) return 8 + tree(base + 2 + 128 + posState * 8, 3);
    return 16 + tree(base + 2 + 256, 8);
  };

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let pos = 0;
  let sliceStart = performance.now();
  let check = 0;
  while (pos < size) {
    if (pause && pos >= check) {
      check = pos + 1024;
      if (performance.now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    const posState = pos & pbMask;
    if (!bit(IS_MATCH + (state << 4) + posState)) {
      const prev = pos > 0 ? out[pos - 1]! : 0;
      const base = LITERAL + 0x300 * (((pos & lpMask) << lc) + (prev >> (8 - lc)));
      let s = 1;
      if (state >= 7) {
        let match = out[pos - rep0 - 1]!;
        do {
          const m = (match >> 7) & 1;
          match <<= 1;
          const b = bit(base + ((1 + m) << 8) + s);
          s = (s << 1) | b;
          if (m !== b) break;
        } while (s < 0x100);
      }
      // The hot loop, with the coder's state in locals (a third of the time of calling \`bit\`).
      let r = rc[0]!;
      let c = rc[1]!;
      while (s < 0x100) {
        const i = base + s;
        const prob = p[i]!;
        const bound = (r >>> 11) * prob;
        if (c < bound) {
          r = bound;
          p[i] = prob + ((2048 - prob) >> 5);
          s <<= 1;
        } else {
          r -= bound;
          c -= bound;
          p[i] = prob - (prob >> 5);
          s = (s << 1) | 1;
        }
        if (r < 0x1000000) {
          r = (r << 8) >>> 0;
          c = ((c << 8) | input[at++]!) >>> 0;
        }
      }
      rc[0] = r;
      rc[1] = c;
      out[pos++] = s;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len: number;
    if (bit(IS_REP + state)) {
      if (!bit(IS_REP_G0 + state)) {
        if (!bit(IS_REP0_LONG + (state << 4) + posState)) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1]!;
          pos++;
          continue;
        }
      } else {
        let dist: number;
        if (!bit(IS_REP_G1 + state)) dist = rep1;
        else {
          if (!bit(IS_REP_G2 + state)) dist = rep2;
          else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(REP_LEN, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(LEN, posState);
      state = state < 7 ? 7 : 10;
      const slot = tree(POS_SLOT + (len < 3 ? len : 3) * 64, 6);
      if (slot < 4) rep0 = slot;
      else {
        const bits = (slot >> 1) - 1;
        rep0 = ((2 | (slot & 1)) << bits) >>> 0;
        if (slot < 14) rep0 += reverse(SPEC_POS + rep0 - slot, bits);
        else rep0 += direct(bits - 4) * 16 + reverse(ALIGN, 4);
        // The end marker (a distance of 2^32 - 1): the size is known, so a stream ends without one.
        if (rep0 >= 0xffffffff) break;
      }
    }
    if (rep0 >= pos) throw new Error('corrupt LZMA data');
    for (let end = Math.min(pos + len + 2, size); pos < end; pos++) out[pos] = out[pos - rep0 - 1]!;
  }
  // What the caller does with the bytes (parse, build) starts a task of its own.
  if (pause) await pause();
  return out;
}
