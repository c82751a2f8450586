/**
 * Runs a question set against a page through `Yidu.qa.ask` and measures it: top-1 accuracy on answerable
 * questions, correct refusals on the others, and numbers shown that are not at the answer's place (or that
 * come from a wrong place). Used by the tests and by the bench.
 */
import type { YiduApi } from '../src/yidu.js';
import type { Place, Question } from './qa-questions.js';

export interface Outcome {
  q: string;
  ok: boolean;
  answer: string;
  /** Numbers in the answer that are not in the answering node or its header cells. */
  invented: string[];
  /** The answer shows a number and is not an accepted place (a wrong number shown). */
  wrongNumber: boolean;
}

export interface Scores {
  outcomes: Outcome[];
  answerable: number;
  top1: number;
  unanswerable: number;
  refused: number;
  invented: number;
  wrongNumbers: number;
}

const NUMBER = /\d+(?:\.\d+)?/g;

function resolve(doc: Document, place: Place): Element | null {
  if ('cell' in place) {
    const [table, row, td, value] = place.cell;
    const el = doc.querySelector(table)?.querySelectorAll('tr')[row - 1]?.querySelectorAll('td')[td - 1] ?? null;
    if (el?.textContent!.trim() !== value) throw new Error(`question set: ${table} row ${row} cell ${td} is "${el?.textContent}", not ${value}`);
    return el;
  }
  const blocks = [...doc.querySelectorAll('p, li, dd, blockquote')].filter((b) => b.textContent!.includes(place.passage));
  if (blocks.length !== 1) throw new Error(`question set: "${place.passage}" is in ${blocks.length} blocks`);
  return blocks[0]!;
}

/** The text a reader may see at an answer's place: the node and, for a cell, its table's header cells. */
function placeText(node: Element): string {
  const table = node.closest('table');
  return node.textContent + (table ? [...table.querySelectorAll('th, td b, td strong, caption')].map((h) => h.textContent).join(' ') : '');
}

export async function evaluate(win: Window & { Yidu: YiduApi }, questions: Question[]): Promise<Scores> {
  const outcomes: Outcome[] = [];
  const s = { answerable: 0, top1: 0, unanswerable: 0, refused: 0, invented: 0, wrongNumbers: 0 };
  for (const { q, at } of questions) {
    const a = await win.Yidu.qa.ask(q);
    const accepted = at.map((p) => resolve(win.document, p));
    const numbers = a.node ? a.text.match(NUMBER) ?? [] : [];
    const invented = a.node ? numbers.filter((n) => !(placeText(a.node!).match(NUMBER) ?? []).includes(n)) : [];
    const ok = at.length ? !!a.node && accepted.includes(a.node) : a.node === null && !NUMBER.test(a.text);
    const wrongNumber = !ok && numbers.length > 0;
    if (at.length) {
      s.answerable++;
      if (ok) s.top1++;
    } else {
      s.unanswerable++;
      if (ok) s.refused++;
    }
    s.invented += invented.length;
    if (wrongNumber) s.wrongNumbers++;
    outcomes.push({ q, ok, answer: a.text, invented, wrongNumber });
  }
  return { outcomes, ...s };
}

export function summary(name: string, s: Scores): string {
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
  return `${name}: top-1 ${s.top1}/${s.answerable} (${pct(s.top1, s.answerable)}), refusals ${s.refused}/${s.unanswerable} ` +
    `(${pct(s.refused, s.unanswerable)}), numbers not at the answer's place ${s.invented}, wrong numbers shown ${s.wrongNumbers}`;
}
