// The floor for any exact 简→繁 dictionary drawn from opencc's data: the entries each necessary alone.
// (Necessary alone is not removable together: scripts/zh/exact.mjs decides what may go.)
//
// A phrase entry is *necessary* when removing it alone changes opencc-js's own result on some text: then
// every dictionary drawn from opencc's data that equals opencc-js on all inputs must keep it. For each entry
// E we try its witnesses: E alone, and E fused with every phrase F that starts inside E and runs past its
// end (E + the rest of F). Longest-match segmentation makes most entries necessary even when their value is
// plain character-by-character conversion: in "一伙头发" the entry 一伙头 keeps 头发 from matching, so
// opencc-js writes 一夥頭發; without it the text reads 一夥頭髮. test/zh-dict.test.ts checks a sample of the
// witnesses against opencc-js itself and measures the necessary keys' size.
//
// Plain JS, runs in Node and browsers: `node scripts/zh/exact-bound.mjs` prints the figures.
import { openccEntries } from './exact.mjs';
import { pairTable } from './pairs.mjs';

/**
 * `phrases`: opencc's phrase entries (STPhrases, then the generated regional ones; first entry wins);
 * `chars`: STCharacters (first candidate). Returns a Map of each necessary entry to one witness text.
 */
export function necessaryEntries(phrases, chars) {
  let maxLen = 0;
  for (const k of phrases.keys()) maxLen = Math.max(maxLen, k.length);
  // opencc-js's s2t conversion (one longest-match pass over phrases, then characters) without the entry `skip`.
  const convert = (s, skip) => {
    let out = '';
    for (let i = 0; i < s.length;) {
      let len = 0;
      for (let l = Math.min(maxLen, s.length - i); l >= 2 && !len; l--) {
        const k = s.slice(i, i + l);
        if (k !== skip && phrases.has(k)) (out += phrases.get(k), (len = l));
      }
      if (!len) {
        const c = String.fromCodePoint(s.codePointAt(i));
        out += (c !== skip && phrases.get(c)) || chars.get(c) || c;
        len = c.length;
      }
      i += len;
    }
    return out;
  };
  const byPrefix = new Map();
  for (const k of phrases.keys()) {
    for (let i = 1; i < k.length; i++) {
      const p = k.slice(0, i);
      (byPrefix.get(p) ?? byPrefix.set(p, []).get(p)).push(k);
    }
  }
  const out = new Map();
  for (const e of phrases.keys()) {
    const witnesses = [e];
    for (let i = 1; i < e.length; i++) for (const f of byPrefix.get(e.slice(i)) ?? []) witnesses.push(e + f.slice(e.length - i));
    const w = witnesses.find((s) => convert(s) !== convert(s, e));
    if (w !== undefined) out.set(e, w);
  }
  return { necessary: out, convert };
}

/** Sorted keys, front-coded (a character for the shared prefix length, then the rest): the keys' smallest plain form. */
export function frontCoded(keys) {
  let prev = [];
  return [...keys].sort().map((k) => {
    const c = Array.from(k);
    let n = 0;
    while (n < c.length - 1 && n < prev.length && c[n] === prev[n]) n++;
    prev = c;
    return String.fromCharCode(48 + n) + c.slice(n).join('');
  }).join('');
}

/**
 * The same sorted, front-coded keys in the densest plain form we found (≈ 20 % smaller than `frontCoded` under
 * gzip): every character, prefix length included, is replaced by a code of one or two printable ASCII
 * characters, the most frequent characters getting the one-character codes. (An adaptive order-1 context
 * model does no better on these keys: about 96 KB.)
 */
export function denseCoded(keys) {
  const ALPHABET = [];
  for (let c = 32; c < 127; c++) if (!'\\\'`$'.includes(String.fromCharCode(c))) ALPHABET.push(String.fromCharCode(c));
  const SINGLE = 40;
  const symbols = [];
  let prev = [];
  for (const k of [...keys].sort()) {
    const c = Array.from(k);
    let n = 0;
    while (n < c.length - 1 && n < prev.length && c[n] === prev[n]) n++;
    prev = c;
    symbols.push(String(n), ...c.slice(n));
  }
  const counts = new Map();
  for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + 1);
  const code = new Map();
  [...counts].sort((a, b) => b[1] - a[1]).forEach(([s], r) => {
    const q = r - SINGLE;
    code.set(s, r < SINGLE ? ALPHABET[r] : ALPHABET[SINGLE + Math.floor(q / ALPHABET.length)] + ALPHABET[q % ALPHABET.length]);
  });
  return symbols.map((s) => code.get(s)).join('');
}

/** STCharacters as the converter ships it (steps between keys, then values: see pairs.mjs), as one string. */
export const charTable = (chars) => pairTable(chars).join('');

export { openccEntries } from './exact.mjs';

if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  const { gzipSync } = await import('node:zlib');
  const d = async (n) => (await import(`opencc-js/dict/${n}`)).default;
  const { phrases, chars } = openccEntries(await d('STPhrases'), await d('STPhrases_GeneratedFromRegionalPhrases'), await d('STCharacters'));
  const { necessary } = necessaryEntries(phrases, chars);
  const plain = [...necessary.keys()].filter((k) => Array.from(k, (c) => chars.get(c) ?? c).join('') === phrases.get(k)).length;
  console.log(`${necessary.size} of ${phrases.size} phrase entries are necessary (${plain} of them convert character by character)`);
  const dense = gzipSync(denseCoded(necessary.keys()), { level: 9 }).length;
  const table = gzipSync(charTable(chars), { level: 9 }).length;
  console.log(`their keys alone, front-coded: ${gzipSync(frontCoded(necessary.keys()), { level: 9 }).length} B gzip; densest form: ${dense} B`);
  console.log(`with the character table every converter needs (${table} B): ${dense + table} B gzip, before any value`);
}
