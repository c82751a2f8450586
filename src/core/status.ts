/**
 * What is true of this page right now, as opposed to what the reader wants (the preferences): a feature that
 * failed, whether the browser can speak, where focus goes back to. Effects write it, elements read it; it is
 * never stored. Keeping it apart means an effect never writes a preference.
 */
import type { Prefs } from './prefs.js';

export interface Status {
  /**
   * Preferences whose feature could not load or run in this page (a chunk that failed, speech that broke):
   * they show and act as off until the reader chooses them again. The saved choice is kept for the next visit.
   */
  readonly failed: readonly (keyof Prefs)[];
  /**
   * The failed preferences the reader last chose again: effects watch this to try once more (a new failure
   * changes only `failed`, so it never starts another attempt by itself).
   */
  readonly retried?: readonly (keyof Prefs)[];
  /** The browser has no voice for the page's language: 声音 cannot be used. */
  readonly noVoice?: boolean;
  /** 连读 (idle when unset). */
  readonly reading?: 'idle' | 'playing' | 'paused';
  /** Where focus returns when the bar closes, and whether the bar takes focus when it opens. */
  readonly barOpener?: HTMLElement | null;
  readonly focusBarOnOpen?: boolean;
}

export type StatusListener = (status: Readonly<Status>, changed: readonly (keyof Status)[]) => void;

export class StatusStore {
  #status: Readonly<Status> = { failed: [] };
  readonly #listeners = new Set<StatusListener>();

  get(): Readonly<Status> {
    return this.#status;
  }

  set(partial: Partial<Status>): void {
    const changed = (Object.keys(partial) as (keyof Status)[]).filter((k) => partial[k] !== this.#status[k]);
    if (changed.length === 0) return;
    this.#status = { ...this.#status, ...partial };
    for (const fn of this.#listeners) fn(this.#status, changed);
  }

  /** A feature behind `key` failed in this page. */
  fail(key: keyof Prefs): void {
    this.set({ failed: [...this.#status.failed, key] });
  }

  /** The reader chose these preferences again: their features get another try. */
  retry(keys: readonly string[]): void {
    const again = this.#status.failed.filter((k) => keys.includes(k));
    if (again.length) this.set({ failed: this.#status.failed.filter((k) => !again.includes(k)), retried: again });
  }

  subscribe(fn: StatusListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
