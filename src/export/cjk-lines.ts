/**
 * Line breaking for Chinese text in a fixed-width column, with the basic 禁则 rules of Chinese typesetting:
 * no line starts with closing punctuation (，。、；：？！」』）》…) and none ends with opening punctuation
 * (「『（《…). Latin words and numbers stay whole unless wider than the column.
 */
export const NO_LINE_START = '，。、；：？！」』）》〉】〕〗〙〛’”．,.;:?!)]}%‰′″℃…—～·﹐﹑﹒﹔﹕﹖﹗｝］｠〞';
export const NO_LINE_END = '「『（《〈【〔〖〘〚‘“([{〝｛［｟';

const closes = new Set(NO_LINE_START);
const opens = new Set(NO_LINE_END);

/** Splits text into units a line may break between. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (/\s/.test(ch)) {
      units.push(' ');
      while (i < chars.length && /\s/.test(chars[i]!)) i++;
      continue;
    }
    if (/[A-Za-z0-9@#$&_\-+=/\\'".,:%]/.test(ch) && !closes.has(ch)) {
      let word = '';
      while (i < chars.length && /[A-Za-z0-9@#$&_\-+=/\\'".,:%()[\]]/.test(chars[i]!)) word += chars[i++];
      units.push(word);
      continue;
    }
    units.push(ch);
    i++;
  }
  // Glue closing punctuation to the unit before it and opening punctuation to the unit after it.
  const glued: string[] = [];
  let pendingOpen = '';
  for (const u of units) {
    if (u !== ' ' && Array.from(u).every((c) => closes.has(c)) && glued.length && glued[glued.length - 1] !== ' ') {
      glued[glued.length - 1] += pendingOpen + u;
      pendingOpen = '';
    } else if (u.length === 1 && opens.has(u)) {
      pendingOpen += u;
    } else {
      glued.push(pendingOpen + u);
      pendingOpen = '';
    }
  }
  if (pendingOpen) glued.push(pendingOpen);
  return glued;
}

/**
 * Wraps `text` (which may contain \n) into lines no wider than `width`; the first line of each paragraph
 * may be narrower (`firstWidth`, for the first-line indent).
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number, firstWidth = width): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let limit = firstWidth;
    const push = () => {
      lines.push(line.replace(/ +$/, ''));
      line = '';
      lineWidth = 0;
      limit = width;
    };
    for (const unit of breakUnits(para)) {
      if (unit === ' ' && line === '') continue;
      const w = measure(unit);
      if (lineWidth + w <= limit + 0.01) {
        line += unit;
        lineWidth += w;
        continue;
      }
      if (unit === ' ') {
        push();
        continue;
      }
      if (line !== '') push();
      if (w <= limit + 0.01) {
        line = unit;
        lineWidth = w;
        continue;
      }
      // Wider than the column (a long URL or number): split it by character.
      for (const ch of Array.from(unit)) {
        const cw = measure(ch);
        if (lineWidth + cw > limit + 0.01 && line !== '') push();
        line += ch;
        lineWidth += cw;
      }
    }
    if (line !== '' || lines.length === 0 || para === '') push();
  }
  return lines;
}
