/**
 * Text as the matcher sees it: one script (Traditional characters folded to Simplified by a small table),
 * half-width digits and Latin, lower case; and the tokens it compares — character bigrams of Chinese runs
 * (robust where a word segmenter splits report vocabulary unevenly), whole numbers and Latin words.
 */
import { TRAD, SIMP } from './fold-table.js';

const FOLD = new Map<string, string>();
for (let i = 0; i < TRAD.length; i++) FOLD.set(TRAD[i]!, SIMP[i]!);

/** Folds Traditional to Simplified (character by character: that direction is nearly unambiguous), full-width forms to ASCII, and case. */
export function normalise(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : (FOLD.get(ch) ?? ch);
  }
  return out.toLowerCase();
}

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string) => HAN.test(ch);
/** A number as written (12, 318.64, 100%): the unit the "no invented number" rule counts in. */
export const NUMBER = /\d+(?:\.\d+)?/g;

/** The tokens of a normalised text: Han bigrams (a lone Han character stands for itself), numbers and Latin words. */
export function tokens(s: string): Set<string> {
  const out = new Set<string>();
  for (const run of s.match(/\p{Script=Han}+|[a-z]+|\d+(?:\.\d+)?/gu) ?? []) {
    if (!isHan(run[0]!) || run.length === 1) out.add(run);
    else for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}
