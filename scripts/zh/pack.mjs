// The dictionary chunks' transfer form: the data as JSON, LZMA-compressed (the "alone" format: a 13-byte
// header, then the stream) and carried as base64 in the chunk, which stays a plain JS module loaded the usual
// lazy way (no binary fetch, nothing for CSP to allow). src/zh/lzma.ts decodes it.
//
// Why: the dense phrase lists are tuned for gzip already, but gzip's byte-wise Huffman code cannot use
// what a byte predicts about the next (one symbol of the dense form is often two characters); LZMA's
// context-coded literals and its long-distance matches can. On the 繁体 chunk that is about 17 KB of gzip
// transfer less, base64 included (gzip codes base64 of incompressible bytes at 6 bits a character, so it
// costs well under 1 %). docs/zh.md has the figures.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

/**
 * LZMA's literal coder sees the top `lc` bits of the previous byte, and `pb` bits of the position choose the
 * match model. LZMA-JS always writes lc 3, lp 0, pb 2; our data is byte symbols with no 2- or 4-byte
 * alignment, where lc 4, pb 0 pack the 繁体 chunk about 1 KB smaller (the best of lc 0–4 × lp 0–2 × pb 0–2 and of lc 5, 6, 8).
 */
export const LZMA_PROPS = { lc: 4, lp: 0, pb: 0 };

/**
 * LZMA-JS (MIT): a pure-JavaScript encoder, so a fresh checkout needs no native tool. Mode 9 is its strongest
 * (a few seconds for the 繁体 chunk; the generation is cached). It has no setting for LZMA_PROPS, so its
 * encoder is run here with its one line of them changed (the version is pinned in package.json; a changed
 * file stops the build rather than packing otherwise).
 */
function encoder() {
  let source = readFileSync(require.resolve('lzma/src/lzma_worker.js'), 'utf8');
  const { lc, lp, pb } = LZMA_PROPS;
  for (const [line, value] of [['_numLiteralPosStateBits = 0', lp], ['_numLiteralContextBits = 3', lc], ['_posStateBits = 2', pb], ['_posStateMask = 3', (1 << pb) - 1]]) {
    const at = source.indexOf(`encoder.${line};`);
    if (at < 0 || source.indexOf(`encoder.${line};`, at + 1) >= 0) throw new Error(`the lzma package changed (no single "${line}"): update scripts/zh/pack.mjs`);
    source = source.replace(`encoder.${line};`, `encoder.${line.replace(/=.*/, `= ${value}`)};`);
  }
  const context = { setTimeout, clearTimeout };
  vm.runInNewContext(source, context, { filename: 'lzma_worker.js' });
  return context.LZMA_WORKER;
}
const LZMA = encoder();

/**
 * The dense phrase lists (scripts/zh/dense.mjs) are bytes, characters U+0000–U+00FF: they travel as bytes after
 * the JSON of the rest (which JSON would escape or write as two UTF-8 bytes), in this order.
 */
const BYTE_FIELDS = ['phrases', 'plain'];

/**
 * `data` as the chunk carries it: the JSON of the fields but BYTE_FIELDS, with `bytes` listing those and their
 * lengths; a zero byte; then those fields' bytes. src/zh/chains.ts (`unpack`) reads it back.
 */
export function pack(data) {
  const rest = { ...data, bytes: [] };
  const tail = [];
  for (const name of BYTE_FIELDS) {
    if (typeof data[name] !== 'string') continue;
    delete rest[name];
    const b = Buffer.from(data[name], 'latin1');
    if (b.toString('latin1') !== data[name]) throw new Error(`${name} holds characters above U+00FF`);
    rest.bytes.push([name, b.length]);
    tail.push(b);
  }
  const payload = Buffer.concat([Buffer.from(JSON.stringify(rest), 'utf8'), Buffer.from([0]), ...tail]);
  const packed = Buffer.from(LZMA.compress(payload, 9).map((b) => b & 0xff));
  const { lc, lp, pb } = LZMA_PROPS;
  if (packed[0] !== (pb * 5 + lp) * 9 + lc) throw new Error('the LZMA stream does not have the intended lc, lp, pb');
  return { lzma: packed.toString('base64') };
}

/** The source of a generated chunk holding `data` packed, typed as `type` once unpacked. */
export const packedModule = (header, type, data) =>
  `${header}import type { Packed, ${type} } from '../chains.js';\nconst data: Packed<${type}> = ${JSON.stringify(pack(data))};\nexport default data;\n`;
