/**
 * Finds the place on the page that answers a question: each question character is weighted by how rare its
 * bigrams are on the page, and a candidate (a table cell read with its header paths, or a sentence read with
 * its section headings) scores the share of that weight it covers. Below the threshold there is no answer:
 * the page is never made to say what it does not say.
 */
import { indexOf, type Entry, type PageIndex } from './page-index.js';
import { isHan, normalise } from './text.js';
import { STOP_PHRASES, STOP_WORDS, SYNONYMS, WANTS_NUMBER } from './lexicon.js';
import { sumMismatch } from './sum-check.js';

/** Share of the question's weight a candidate must cover to be an answer. */
export const THRESHOLD = 0.62;
/** Share a passage must cover to be offered as 相关内容. */
const RELATED = 0.3;
const CAPTION_WEIGHT = 0.5;
/** A cell matched by both its row and its column beats a loose text match. */
const ROW_AND_COLUMN = 1.15;
/** A quantity question is better answered by a table cell than by a sentence that mentions the same words. */
const CELL_FOR_NUMBER = 1.1;
/** A quantity question answered by words without a number. */
const NO_NUMBER = 0.75;

interface Unit {
  grams: string[];
  weight: number;
}

export interface Found {
  entry: Entry;
  /** Share of the question covered (0–1). */
  confidence: number;
  rank: number;
  /** Found by its section's heading: the whole first block of the section answers. */
  section: boolean;
}

export interface Result {
  best: Found | null;
  related: Found[];
  /** Column labels where the table's own 第一项加第二项之和 check does not hold (cells of those rows only). */
  mismatch: string[];
}

/** Without a segmenter, the question words of two or more characters are removed as phrases. */
const STOP_RUNS = new RegExp([...STOP_WORDS].filter((w) => w.length > 1).sort((a, b) => b.length - a.length).join('|'), 'g');
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * The question's content: everyday words rewritten to the template's names (kept whole in `terms`: a name
 * matches only where the page has all of it, so 法律服务机构 never matches a row that merely says 法律), and
 * question words dropped (whole words where `Intl.Segmenter` is available, common phrases everywhere).
 */
export function analyse(question: string): Question {
  let q = normalise(question);
  const terms: [string, number][] = [];
  // One pass for all synonyms (placeholders first), so a replacement is never rewritten again.
  SYNONYMS.forEach(([re], i) => (q = q.replace(re, (m) => `\u0001${i}:${m.length}\u0002`)));
  q = q.replace(/\u0001(\d+):(\d+)\u0002/g, (_, i: string, n: string) => (terms.push([SYNONYMS[Number(i)]![1], Number(n)]), ' '));
  q = q.replace(STOP_PHRASES, ' ');
  if (segmenter) {
    let kept = '';
    for (const { segment } of segmenter.segment(q)) kept += STOP_WORDS.has(segment) ? ' ' : segment;
    q = kept;
  } else q = q.replace(STOP_RUNS, ' ');
  return { text: q, terms };
}

interface Question {
  text: string;
  /** Template names the reader's words were rewritten to, with the length of those words. */
  terms: [string, number][];
}

function units({ text: q, terms }: Question, index: PageIndex): Unit[] {
  const n = index.docs.length;
  const seen = new Map<string, number>();
  const df = (g: string) => {
    let d = seen.get(g);
    if (d === undefined) {
      d = 0;
      for (const doc of index.docs) if (doc.includes(g)) d++;
      seen.set(g, d);
    }
    return d;
  };
  const unseen = Math.log(1 + n) + 1;
  const out: Unit[] = [];
  for (const run of q.match(/\p{Script=Han}+|[a-z]+|\d+(?:\.\d+)?/gu) ?? []) {
    const list: string[][] = [];
    // A number or a Latin word weighs like a two-character word.
    if (!isHan(run[0]!)) list.push([run], [run]);
    else if (run.length === 1) list.push([run]);
    else for (let i = 0; i < run.length; i++) list.push([run.slice(i - 1, i + 1), run.slice(i, i + 2)].filter((g) => g.length === 2));
    // Characters of a word the page never uses (人口 in 全县人口) weigh the most: the question is about something else.
    const absent = new Set<number>();
    if (segmenter && isHan(run[0]!)) {
      for (const { segment, index: at } of segmenter.segment(run)) {
        if (segment.length > 1 && !df(segment)) for (let i = 0; i < segment.length; i++) absent.add(at + i);
      }
    }
    list.forEach((grams, i) => {
      const idf = grams.map(df).filter((d) => d > 0).map((d) => Math.log(1 + n / d));
      // A question word left over (是, 有 where no segmenter found the words) that forms no word of the page.
      if (STOP_WORDS.has(run[i]!) && (run.length === 1 || !idf.length)) return;
      out.push({ grams, weight: idf.length && !absent.has(i) ? Math.max(...idf) : unseen });
    });
  }
  if (!terms.length) return out;
  // A name weighs what the reader's own words would (收到 is two characters, not the four of 本年新收).
  return [...out, ...terms.map(([term, length]) => {
    const inner = units({ text: term, terms: [] }, index);
    return { grams: [term], weight: (length * inner.reduce((s, u) => s + u.weight, 0)) / inner.length };
  })];
}

const has = (text: string, u: Unit) => u.grams.some((g) => text.includes(g));

function score(e: Entry, us: Unit[], total: number, wantsNumber: boolean): Found {
  let covered = 0;
  let byRow = 0;
  let byCol = 0;
  let byHeading = 0;
  let own = 0;
  for (const u of us) {
    if (e.kind === 'cell') {
      const r = has(e.row, u);
      const c = has(e.col, u);
      if (r) byRow += u.weight;
      if (c) byCol += u.weight;
      covered += u.weight * (r || c ? 1 : has(e.caption, u) ? CAPTION_WEIGHT : 0);
    } else {
      const h = has(e.heading, u);
      const o = has(e.norm, u);
      if (h) byHeading += u.weight;
      if (o) own += u.weight;
      covered += o || h ? u.weight : 0;
    }
  }
  const confidence = total ? covered / total : 0;
  let rank = confidence;
  let section = false;
  if (e.kind === 'cell') {
    if (byRow && byCol) rank *= ROW_AND_COLUMN;
    // The row that names more of the question (（七）总计 for 办理结果总计), and a row named without a column: its 总计 cell.
    rank += 0.02 * (byRow / total) + (e.leaf.includes('总计') ? 0.01 : 0);
    if (wantsNumber) rank *= CELL_FOR_NUMBER;
  } else {
    // A question naming a section (存在什么问题) is answered in that section: by the passage that also says
    // more of it in its own words, else by the section's first passage (then quoted whole).
    if (byHeading >= total / 2) {
      rank += 0.05 + (e.lead ? 0.005 : 0);
      section = e.lead;
    }
    rank += 0.03 * (own / total);
  }
  const value = e.kind === 'cell' ? e.cell.el.textContent! : e.norm;
  if (wantsNumber && !/\d/.test(value)) rank *= NO_NUMBER;
  return { entry: e, confidence, rank, section };
}

const nodeOf = (e: Entry) => (e.kind === 'cell' ? e.cell.el : e.block);

export function findAnswer(question: string, root: Element): Result {
  const index = indexOf(root);
  const us = units(analyse(question), index);
  const total = us.reduce((s, u) => s + u.weight, 0);
  const wantsNumber = WANTS_NUMBER.test(normalise(question));
  const found = index.entries.map((e) => score(e, us, total, wantsNumber)).filter((f) => f.confidence > 0);
  found.sort((a, b) => b.rank - a.rank || a.entry.order - b.entry.order);
  const top = found[0];
  const best = top && top.confidence >= THRESHOLD ? top : null;
  const related: Found[] = [];
  const nodes = new Set<Element>(best ? [nodeOf(best.entry)] : []);
  for (const f of found) {
    if (related.length === 3) break;
    if (f.confidence < RELATED || f.entry.kind !== 'passage' || nodes.has(nodeOf(f.entry))) continue;
    nodes.add(nodeOf(f.entry));
    related.push(f);
  }
  const mismatch = best?.entry.kind === 'cell' ? sumMismatch(best.entry) : [];
  return { best, related, mismatch };
}

export { nodeOf };
