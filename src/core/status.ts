/**
 * What is true of this page right now, as opposed to what the reader wants (the preferences): a feature that
 * failed, whether the browser can speak, where focus goes back to. Effects write it, elements read it; it is
 * never stored. Keeping it apart means an effect never writes a preference.
 */
import { DEFAULT_PREFS, type Prefs } from './prefs.js';

export interface Status {
  /**
   * Preferences whose feature could not load or run in this page (a chunk that failed, speech that broke):
   * they show and act as off until the reader chooses them again. The saved choice is kept for the next visit.
   */
  readonly failed: readonly (keyof Prefs)[];
  /** The browser has a voice for the page's language: 声音 can be used. */
  readonly voices: boolean;
  /** 连读. */
  readonly reading: 'idle' | 'playing' | 'paused';
  /** Where focus returns when the bar closes, and whether the bar takes focus when it opens. */
  readonly barOpener: HTMLElement | null;
  readonly focusBarOnOpen: boolean;
}

export type StatusListener = (status: Readonly<Status>, changed: readonly (keyof Status)[]) => void;

const INITIAL: Status = { failed: [], voices: true, reading: 'idle', barOpener: null, focusBarOnOpen: false };

export class StatusStore {
  #status: Readonly<Status> = INITIAL;
  readonly #listeners = new Set<StatusListener>();
  readonly #retryListeners = new Set<(keys: readonly (keyof Prefs)[]) => void>();

  get(): Readonly<Status> {
    return this.#status;
  }

  set(partial: Partial<Status>): void {
    const changed = (Object.keys(partial) as (keyof Status)[]).filter((k) => partial[k] !== this.#status[k]);
    if (changed.length === 0) return;
    this.#status = Object.freeze({ ...this.#status, ...partial });
    for (const fn of this.#listeners) fn(this.#status, changed);
  }

  /** A feature behind `key` failed in this page. */
  fail(key: keyof Prefs): void {
    if (!this.#status.failed.includes(key)) this.set({ failed: [...this.#status.failed, key] });
  }

  /** The reader chose these preferences again: their features get another try. */
  retry(keys: readonly string[]): void {
    const again = this.#status.failed.filter((k) => keys.includes(k));
    if (again.length === 0) return;
    this.set({ failed: this.#status.failed.filter((k) => !again.includes(k)) });
    for (const fn of this.#retryListeners) fn(again);
  }

  /** Effects listen here to try a failed feature again (and only then: a new failure does not call them). */
  onRetry(fn: (keys: readonly (keyof Prefs)[]) => void): () => void {
    this.#retryListeners.add(fn);
    return () => this.#retryListeners.delete(fn);
  }

  subscribe(fn: StatusListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}

/** The preferences as the page shows them: a failed feature reads as off (`off`, else its default). */
export function shownPrefs(prefs: Readonly<Prefs>, status: Readonly<Status>, off: Partial<Prefs> = {}): Readonly<Prefs> {
  if (status.failed.length === 0) return prefs;
  return { ...prefs, ...Object.fromEntries(status.failed.map((k) => [k, off[k] ?? DEFAULT_PREFS[k]])) };
}
