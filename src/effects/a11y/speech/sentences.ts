/**
 * Cuts text into the pieces read aloud: sentences (Intl.Segmenter), and sentences longer than ~60 characters
 * again at the last comma-like mark, since some engines stop speaking long utterances part-way.
 */
export const MAX_PIECE = 60;

const SOFT_BREAK = /[，,；;、：:）)」』]/;

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
    let rest = s.text;
    let start = s.start;
    while (rest.length > MAX_PIECE) {
      let cut = -1;
      for (let i = MAX_PIECE; i > MAX_PIECE / 3; i--) {
        if (SOFT_BREAK.test(rest[i - 1]!)) {
          cut = i;
          break;
        }
      }
      if (cut < 0) cut = MAX_PIECE;
      push(out, rest.slice(0, cut), start);
      rest = rest.slice(cut);
      start += cut;
    }
    push(out, rest, start);
  }
  return out;
}

function push(out: Piece[], text: string, start: number): void {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed) out.push({ text: trimmed, start: start + lead });
}
