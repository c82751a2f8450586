/**
 * Cuts text into the pieces read aloud: sentences (Intl.Segmenter), and sentences longer than ~60 characters
 * again, since some engines stop speaking long utterances part-way: at the last comma-like mark, else at the
 * last word boundary. A cut never falls inside a word, a number, a bracketed number such as 〔2021〕, an
 * address or an e-mail address (read as "〔2" / "021〕" they make no sense); only a single token longer than
 * the limit is cut at a fixed length.
 */
export const MAX_PIECE = 60;

const SOFT_BREAK = /[，,；;、：:）)」』]/;
/** Marks a piece should not start with, and openers it should not end with. */
const NO_CUT_BEFORE = /[，,。.；;、：:！!？?）)」』〕】］\]》〉%％]/;
const NO_CUT_AFTER = /[（(「『〔【［\[《〈]/;

/**
 * Tokens read as one: addresses, e-mail addresses, bracketed numbers, and runs of Latin letters and digits
 * with their inner separators (2026-01-20, 1,234.5, 12:30, COVID-19, don't).
 */
const PROTECTED = new RegExp([
  String.raw`(?:https?:\/\/|www\.)[\w\-.~:\/?#\[\]@!$&'()*+,;=%]*[\w\-~\/#=%&+]`,
  String.raw`[\w.%+-]+@[\w-]+(?:\.[\w-]+)+`,
  String.raw`[〔［\[（(【]\s*\p{Nd}+\s*[〕］\]）)】]`,
  String.raw`[\p{Script=Latin}\p{Nd}]+(?:[.,:'’\/-][\p{Script=Latin}\p{Nd}]+)*[%％]?`,
].join('|'), 'gu');

export interface Piece {
  text: string;
  /** Offset of the piece in the input. */
  start: number;
}

export function splitSentences(text: string, lang: string): Piece[] {
  const out: Piece[] = [];
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(lang, { granularity: 'sentence' }) : null;
  const sentences = segmenter
    ? Array.from(segmenter.segment(text), (s) => ({ text: s.segment, start: s.index }))
    : [{ text, start: 0 }];
  for (const s of sentences) {
    if (s.text.length <= MAX_PIECE) {
      push(out, s.text, s.start);
      continue;
    }
    const allowed = cutPoints(s.text, lang);
    let from = 0;
    while (s.text.length - from > MAX_PIECE) {
      const cut = bestCut(s.text, from, allowed);
      push(out, s.text.slice(from, cut), s.start + from);
      from = cut;
    }
    push(out, s.text.slice(from), s.start + from);
  }
  return out;
}

/** Offsets in `text` where a piece may end: word boundaries (Intl.Segmenter) outside protected tokens. */
function cutPoints(text: string, lang: string): boolean[] {
  const allowed = new Array<boolean>(text.length + 1).fill(true);
  if (typeof Intl.Segmenter === 'function') {
    allowed.fill(false);
    for (const w of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) allowed[w.index] = true;
    allowed[text.length] = true;
  }
  for (const m of text.matchAll(PROTECTED)) {
    for (let i = m.index + 1; i < m.index + m[0].length; i++) allowed[i] = false;
  }
  for (let i = 1; i < text.length; i++) {
    // Never between a surrogate pair, before a closing mark or after an opening one.
    if (/[\uDC00-\uDFFF]/.test(text[i]!) || NO_CUT_BEFORE.test(text[i]!) || NO_CUT_AFTER.test(text[i - 1]!)) allowed[i] = false;
  }
  return allowed;
}

/** Where the piece starting at `from` ends: a comma-like mark, else a word boundary, else the limit. */
function bestCut(text: string, from: number, allowed: boolean[]): number {
  const limit = from + MAX_PIECE;
  for (let i = limit; i > from + MAX_PIECE / 3; i--) if (allowed[i] && SOFT_BREAK.test(text[i - 1]!)) return i;
  for (let i = limit; i > from; i--) if (allowed[i]) return i;
  // One token longer than the limit: cut it at the limit (after a whole surrogate pair).
  return /[\uDC00-\uDFFF]/.test(text[limit] ?? '') ? limit - 1 : limit;
}

function push(out: Piece[], text: string, start: number): void {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed) out.push({ text: trimmed, start: start + lead });
}
