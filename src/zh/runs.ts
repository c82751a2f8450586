/**
 * Converting one inline run of text nodes as one text, remembered per chain: when the reader toggles back, a
 * run whose nodes and text are unchanged is written again without converting (a repeat toggle, or the click
 * after a warm-up, is mostly DOM writes).
 */
import { convertPieces, type Chain } from './engine.js';

/**
 * Code units that can start a dictionary key anywhere in the chain. Text without any of them (whitespace,
 * Latin, digits: most text nodes between tags) converts to itself, so it is not run through the chain.
 */
const STARTS = new WeakMap<Chain, Uint8Array>();
function mayChange(chain: Chain, text: string): boolean {
  let starts = STARTS.get(chain);
  if (!starts) {
    starts = new Uint8Array(65536);
    for (const d of [chain.normalize, chain.segmentation, ...chain.stages]) {
      d?.markStarts(starts);
    }
    STARTS.set(chain, starts);
  }
  for (let i = 0; i < text.length; i++) if (starts[text.charCodeAt(i)]) return true;
  return false;
}

/** Inline runs converted before, by their first text node. */
interface Memo {
  run: readonly Text[];
  pieces: readonly string[];
  out: readonly string[];
}
const MEMOS = new WeakMap<Chain, WeakMap<Text, Memo>>();
function memoOf(chain: Chain): WeakMap<Text, Memo> {
  let m = MEMOS.get(chain);
  if (!m) MEMOS.set(chain, (m = new WeakMap()));
  return m;
}
export const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The run's text, node by node, and its conversion; null when nothing in it can change. */
export function convertRun(chain: Chain, run: readonly Text[]): { pieces: readonly string[]; out: readonly string[] } | null {
  const pieces = run.map((t) => t.data);
  const memo = memoOf(chain);
  const seen = memo.get(run[0]!);
  if (seen && sameList(seen.run, run) && sameList(seen.pieces, pieces)) return { pieces, out: seen.out };
  if (!pieces.some((p) => mayChange(chain, p))) return null;
  const out = convertPieces(chain, pieces);
  memo.set(run[0]!, { run, pieces, out });
  return { pieces, out };
}
