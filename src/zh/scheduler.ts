/**
 * When the page converter works and when it writes. Work runs in slices of a few milliseconds with yields
 * between them, so a very long page stays responsive. Converted text is written after the first slice (a
 * typical report is all done in it) and then every ~100 ms, in batches, so the browser lays the page out once
 * per batch instead of after every slice. A warm-up runs at idle priority only.
 */

/**
 * A slice of work stops after this many milliseconds (checked every few nodes), so no task reaches the 50 ms
 * long-task line. Converting takes longer slices than restoring: every yield lets the browser lay the page
 * out again, and on a typical report those frames cost more than the conversion itself.
 */
export const SLICE_MS = 4;
export const CONVERT_SLICE_MS = 8;
const FIRST_SLICE_MS = 20;
/** Converted-but-unwritten text nodes at most; and how often a long conversion shows its progress. */
const PENDING_MAX = 20000;
const PROGRESS_MS = 100;
/**
 * Characters of text written in one batch: at first (a typical report in one), at least and at most. After
 * each batch the page is laid out at once, inside our own task, and timed (see `WriteBatch.laidOut`): batches
 * grow while that layout stays under LAYOUT_LOW_MS and shrink above LAYOUT_HIGH_MS, so the browser's work on
 * what we wrote never makes a long frame.
 */
export const WRITE_CHARS = 8000;
const WRITE_CHARS_MIN = 1000;
const WRITE_CHARS_MAX = 128000;
const LAYOUT_LOW_MS = 8;
const LAYOUT_HIGH_MS = 16;
/**
 * Work a warm-up may spend in all, in milliseconds of its own slices: a typical report is done several times
 * over; on a very long page the first part is ready and the rest converts on the click.
 */
const WARM_BUDGET_MS = 250;

/** Lets the page run its own tasks (input, timers, rendering) between slices: a plain task, queued fairly. */
export const yieldToPage = (): Promise<void> =>
  new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });

/** Waits for the browser to be idle (a short timeout where requestIdleCallback is missing). */
const idleSlice = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 16);
  });

/** The size of the next batch of writes, learnt from how long the page took to lay out the last ones. */
export class WriteBatch {
  chars = WRITE_CHARS;
  /**
   * The least a layout of a batch (of at least WRITE_CHARS_MIN characters) has cost: what laying out this page
   * costs however little changed — on a page of ten thousand paragraphs side by side, ~15 ms for any change.
   * Smaller batches do not make that part shorter, only more frequent (each with a frame of its own), so
   * batches are sized by the rest: the cost of what they wrote.
   */
  #floor = Infinity;

  /**
   * Lays `doc` out now, inside our own task, where its cost is known: the next batch is sized by it when it
   * followed `written` characters of text (none: a new `lang`, whose cost is the page's, not the batch's).
   * No layout of what we wrote is left to become a long frame of its own.
   */
  laidOut(doc: Document | undefined, written = 0): void {
    const root = doc?.documentElement as HTMLElement | undefined;
    if (!root) return;
    const t0 = performance.now();
    void root.offsetHeight;
    const ms = performance.now() - t0;
    if (written === 0) return;
    if (written >= WRITE_CHARS_MIN) this.#floor = Math.min(this.#floor, ms);
    const own = ms - Math.min(this.#floor, ms);
    // One slow layout (a collection, another tab's work) makes the next batch at most four times smaller.
    if (own < LAYOUT_LOW_MS) this.chars = Math.min(this.chars * 2, WRITE_CHARS_MAX);
    else if (own > LAYOUT_HIGH_MS) this.chars = Math.max(Math.round((this.chars * LAYOUT_LOW_MS) / Math.min(own, 2 * LAYOUT_HIGH_MS)), WRITE_CHARS_MIN);
  }
}

/** A conversion as the scheduler sees it. */
export interface SlicedWork {
  /** Subtrees left to walk. */
  walking(): boolean;
  /** Anything left to do (walks, writes, `lang` changes, lent `lang`s to take back). */
  busy(): boolean;
  /** Converted text nodes not written yet. */
  unwritten(): number;
  /** Converts until the deadline. */
  slice(deadline: number): void;
  /** Writes a batch of converted text. */
  write(): void;
  /** False once the work was cancelled (restore() began). */
  current(): boolean;
}

/** Runs a conversion to its end (or until cancelled), in slices, writing as described above. */
export async function runSliced(work: SlicedWork): Promise<void> {
  // The first slice is longer: a typical report is done in it, within one frame of the reader's click.
  let budget = FIRST_SLICE_MS;
  let written = performance.now();
  let first = true;
  while (work.busy() && work.current()) {
    const walking = work.walking();
    work.slice(performance.now() + budget);
    // Converted text is written when all is converted, so the browser lays the page out once rather than
    // between every two slices; on a long page, every ~100 ms, so the reader sees the conversion progress.
    // The first slice's text is written at once: the text on screen, converted first (see PageWalk.plan).
    if (first || !work.walking() || work.unwritten() >= PENDING_MAX || performance.now() - written > PROGRESS_MS) {
      // A write and its layout get a task of their own, but for a short page's one write, right after the
      // one slice that converted it (the reader's click is answered within one task).
      if (walking && !(first && !work.walking())) {
        await yieldToPage();
        if (!work.current()) break;
      }
      work.write();
      written = performance.now();
    }
    first = false;
    budget = CONVERT_SLICE_MS;
    if (work.busy()) await yieldToPage();
  }
}

/** Runs `slice` at idle priority, in short slices, while `more()` and within the warm-up's budget. */
export async function runWhenIdle(slice: (deadline: number) => void, more: () => boolean): Promise<void> {
  let spent = 0;
  while (more() && spent < WARM_BUDGET_MS) {
    await idleSlice();
    if (!more()) break;
    const start = performance.now();
    slice(start + SLICE_MS);
    spent += performance.now() - start;
  }
}
