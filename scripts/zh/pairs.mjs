// Single-character dictionaries in the form the converter reads (src/zh/engine.ts, CharTable): the keys in
// code point order, each as its step from the previous key in one character (STEP_BASE + step; ESCAPE and the
// key itself for a step too far for one character), and the values, one code point each. Keys of a
// dictionary sit close together, so the steps are a few distinct characters that compress well: STCharacters
// is about a third smaller in gzip than as plain key/value pairs.
// STEP_BASE and ESCAPE are the converter's own (CharTable); the dictionary tests read every table back.
export const STEP_BASE = 0x100;
export const ESCAPE = '!';
/** The largest step one character holds (below the surrogates). */
const MAX_STEP = 0xd7ff - STEP_BASE;

/** `entries`: [key, value] pairs of one code point each, keys unique. Returns [steps, values]. */
export function pairTable(entries) {
  const sorted = [...entries].sort((a, b) => a[0].codePointAt(0) - b[0].codePointAt(0));
  let steps = '';
  let values = '';
  let prev = 0;
  for (const [k, v] of sorted) {
    const cp = k.codePointAt(0);
    const step = cp - prev;
    steps += step >= 1 && step <= MAX_STEP ? String.fromCharCode(STEP_BASE + step) : ESCAPE + k;
    values += v;
    prev = cp;
  }
  return [steps, values];
}
