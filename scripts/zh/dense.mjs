// The phrase lists' dense form (src/zh/chains.ts, `DenseList`, reads it back). The sorted keys are front-coded
// by UTF-16 code unit, as the converter looks them up; then every symbol (a shared-prefix length or a code
// unit) becomes one or two bytes (characters U+0000–U+00FF), the most frequent code units the one-byte codes,
// with the code units listed once by rank; the first code unit of a key that shares nothing is its step from
// the previous such unit instead (they come in order, mostly close together). UTF-8 would spend three bytes on
// every Han character; with one byte for each of the 224 most frequent code units and for each shared length,
// LZMA's literal coder (scripts/zh/pack.mjs) sees one byte per symbol most of the time and its context (the
// previous byte) is the previous symbol. Values that differ from the keys' character-by-character
// conversion travel in a string of their own, in key order.
//
// Constants shared with the decoder (src/zh/chains.ts): how many byte values are one-byte codes, and how many
// of those give the shared-prefix length of a key (0 … SHARED - 1); the rest lead a two-byte code.
export const SINGLE = 240;
export const SHARED = 16;
/**
 * The second byte of a two-byte code, and each byte of a unit written out, is never below SHARED: a byte below
 * SHARED is a key's shared length and nothing else, so the converter finds where keys start with the browser's
 * own string search instead of reading every symbol (src/zh/chains.ts, `split`).
 */
export const SECOND = 256 - SHARED;
/**
 * Within the one-byte codes and within each run of BLOCK two-byte codes (one lead byte), the code units go
 * in code point order rather than by rank: the table is then small steps that compress well, and the data
 * loses little (the lead byte still sorts by rank).
 */
export const BLOCK = SECOND;
/** The table: each block's units as steps from the previous (STEP_BASE + step), ESCAPE and the unit when far. */
export const STEP_BASE = 0x100;
export const ESCAPE = '!';
/** Marks a value given whole (to the next `|`) rather than one character per key character. */
export const WHOLE = ' ';
/** In a value given character by character: "the key character converted on its own". */
export const SAME = '~';

/**
 * Sorted keys, front-coded, as symbols: shared-prefix length n as [n], then the rest as code units. A key
 * sharing nothing starts a new first code unit, larger than the last one: that unit is { step } from it.
 */
function symbols(keys) {
  const out = [];
  let prev = '';
  let first = 0;
  for (const k of [...keys].sort()) {
    let n = 0;
    while (n < k.length - 1 && k[n] === prev[n]) n++;
    if (n >= SHARED) throw new Error(`phrase key "${k}" shares more than ${SHARED - 1} code units with the previous key`);
    out.push([n]);
    if (n === 0) {
      out.push({ step: k.charCodeAt(0) - first, unit: k[0] });
      first = k.charCodeAt(0);
      out.push(...k.slice(1).split(''));
    } else out.push(...k.slice(n).split(''));
    prev = k;
  }
  return out;
}

/** The code of symbol index `i` (SHARED and up: code units by rank, or steps). */
const byte = (b) => String.fromCharCode(b);
const codeword = (i) => (i < SINGLE ? byte(i) : byte(SINGLE + Math.floor((i - SINGLE) / SECOND)) + byte(SHARED + ((i - SINGLE) % SECOND)));
const CODES = SINGLE + (256 - SINGLE) * SECOND;
/** A code unit written out: three digits in base SECOND, each a byte from SHARED on. */
const written = (c) => byte(SHARED + Math.floor(c / SECOND / SECOND)) + byte(SHARED + (Math.floor(c / SECOND) % SECOND)) + byte(SHARED + (c % SECOND));

/**
 * `lists`: arrays of [key, value or null] (null: the value is the key converted character by character;
 * such lists hold only nulls). `one`: a code unit converted on its own. Returns the rank table
 * and, per list, its dense keys and its values.
 */
export function denseLists(lists, one) {
  const streams = lists.map((entries) => symbols(entries.map(([k]) => k)));
  const counts = new Map();
  for (const s of streams) for (const x of s) if (typeof x === 'string') counts.set(x, (counts.get(x) ?? 0) + 1);
  const byRank = [...counts].sort((a, b) => b[1] - a[1] || a[0].charCodeAt(0) - b[0].charCodeAt(0)).map(([u]) => u);
  const ranked = [];
  for (let a = 0; a < byRank.length; a = a < SINGLE - SHARED ? SINGLE - SHARED : a + BLOCK) {
    ranked.push(...byRank.slice(a, a < SINGLE - SHARED ? SINGLE - SHARED : a + BLOCK).sort());
  }
  if (SHARED + ranked.length > CODES) throw new Error('too many distinct code units for the dense code');
  const code = new Map(ranked.map((u, r) => [u, codeword(r + SHARED)]));
  // A step too large for a code: the code SHARED (no step is 0), then the unit itself, written out.
  const first = ({ step, unit }) => (SHARED + step < CODES ? codeword(SHARED + step) : codeword(SHARED) + written(unit.charCodeAt(0)));
  const out = lists.map((entries, l) => {
    const keys = streams[l].map((x) => (typeof x === 'string' ? code.get(x) : Array.isArray(x) ? byte(x[0]) : first(x))).join('');
    const values = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => {
      if (v === null) return '';
      if (k.length !== v.length || /[\ud800-\udfff]/.test(k + v)) {
        if (v.includes('|')) throw new Error(`phrase value "${v}" holds "|"`);
        return `${WHOLE}${v}|`;
      }
      return Array.from(v, (c, i) => (c === one(k[i]) ? SAME : c)).join('');
    }).join('');
    return { keys, values };
  });
  return { table: steps(ranked), lists: out };
}

/** The code units of each block (see BLOCK) as steps from the previous one (from 0 at a block's start). */
function steps(units) {
  let out = '';
  let prev = 0;
  units.forEach((u, r) => {
    if (r === SINGLE - SHARED || (r > SINGLE - SHARED && (r - SINGLE + SHARED) % BLOCK === 0)) prev = 0;
    const c = u.charCodeAt(0);
    const step = STEP_BASE + c - prev;
    // Lone surrogates survive JSON as escapes.
    out += step > STEP_BASE && step < 0xd800 ? String.fromCharCode(step) : ESCAPE + u;
    prev = c;
  });
  return out;
}
