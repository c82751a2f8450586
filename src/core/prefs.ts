/**
 * The reader's preferences: the single source of truth every element writes and every page effect reads.
 *
 * Stored as one versioned JSON record under one namespaced localStorage key. When storage is missing or
 * throws (private mode, blocked cookies, quota), preferences live in memory for the page. Changes made in
 * another tab arrive through the `storage` event.
 */
import { error, shown, warn } from './log.js';
import { COLOR_SCHEMES, CURSORS, FIELDS, FONT_SIZES, GUIDES, SCRIPTS, SPEECH_RATES, ZOOM_STEPS, type PrefsOf } from './modes.js';

export { COLOR_SCHEMES, CURSORS, FONT_SIZES, GUIDES, SCRIPTS, SPEECH_RATES, ZOOM_STEPS };
export type FontSize = (typeof FONT_SIZES)[number];
export type ScriptChoice = (typeof SCRIPTS)[number];
export type ColorScheme = (typeof COLOR_SCHEMES)[number];
export type PageZoom = (typeof ZOOM_STEPS)[number];
export type BigCursor = (typeof CURSORS)[number];
export type SpeechRate = (typeof SPEECH_RATES)[number];
export type Guide = (typeof GUIDES)[number];

/** The reader's preferences: one field of each mode in ./modes.ts (the registry), where each is described. */
export type Prefs = PrefsOf<typeof FIELDS>;

const PREF_KEYS = Object.keys(FIELDS) as (keyof Prefs)[];

export const DEFAULT_PREFS: Readonly<Prefs> = Object.freeze(Object.fromEntries(PREF_KEYS.map((k) => [k, FIELDS[k].default])) as Prefs);

const valid = (key: keyof Prefs, v: unknown): boolean => (FIELDS[key].values as readonly unknown[]).includes(v);

/** Version of the stored record; bump it (and migrate) when a stored key changes meaning. */
export const RECORD_VERSION = 1;

export type PrefsListener = (prefs: Readonly<Prefs>, changed: readonly (keyof Prefs)[]) => void;

/** Where the record lives; a page-lifetime fallback stands in when localStorage is unusable. */
interface Backend {
  read(key: string): string | null;
  write(key: string, value: string): void;
  remove(key: string): void;
}

function memoryBackend(): Backend {
  const data = new Map<string, string>();
  return {
    read: (k) => data.get(k) ?? null,
    write: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
  };
}

function localBackend(): Backend | null {
  try {
    const storage = window.localStorage;
    const probe = '__yidu_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return {
      read: (k) => storage.getItem(k),
      write: (k, v) => storage.setItem(k, v),
      remove: (k) => storage.removeItem(k),
    };
  } catch {
    return null;
  }
}

export class PrefStore {
  #key: string;
  #backend: Backend;
  #prefs: Readonly<Prefs>;
  /** What the stored record holds: page-only changes (`persist: false`) are never written by a later save. */
  #stored: Readonly<Prefs>;
  readonly #listeners = new Set<PrefsListener>();
  readonly #target: EventTarget;
  #saveFailed = false;
  /** Called when saving starts failing (quota, storage switched off meanwhile), so the reader can be told. */
  onSaveError: (() => void) | null = null;

  constructor(key: string, target: EventTarget = document) {
    this.#key = key;
    this.#target = target;
    const local = localBackend();
    if (!local) warn('localStorage is unavailable; reading preferences will last only while this page is open.');
    this.#backend = local ?? memoryBackend();
    this.#prefs = this.#stored = this.#load();
    if (local) window.addEventListener('storage', this.#onStorage);
  }

  get key(): string {
    return this.#key;
  }

  get(): Readonly<Prefs> {
    return this.#prefs;
  }

  /**
   * Merges valid entries of `partial`; invalid ones get a warning and are ignored. `persist: false` applies
   * them to this page only and leaves the stored record (and other tabs) untouched, as an audit does.
   */
  set(partial: Partial<Prefs>, { persist = true }: { persist?: boolean } = {}): void {
    if (partial === null || typeof partial !== 'object') {
      warn(`prefs.set() expects an object such as { fontSize: "large" }, got ${shown(partial)}.`);
      return;
    }
    const accepted: Partial<Record<keyof Prefs, unknown>> = {};
    for (const [key, value] of Object.entries(partial)) {
      if (!Object.prototype.hasOwnProperty.call(FIELDS, key)) warn(`prefs.set(): unknown preference "${key}" ignored. Known: ${PREF_KEYS.join(', ')}.`);
      else if (!valid(key as keyof Prefs, value)) warn(`prefs.set(): invalid value ${shown(value)} for "${key}" ignored.`);
      else accepted[key as keyof Prefs] = value;
    }
    if (persist) {
      const before = this.#stored;
      this.#stored = { ...before, ...accepted } as Prefs;
      if (PREF_KEYS.some((k) => this.#stored[k] !== before[k])) this.#save();
    }
    this.#commit({ ...this.#prefs, ...accepted } as Prefs);
  }

  /** Back to defaults: removes only our own key, never anything else of the site's. */
  reset(): void {
    try {
      this.#backend.remove(this.#key);
    } catch (e) {
      warn(`could not clear stored preferences: ${String(e)}`);
    }
    this.#stored = { ...DEFAULT_PREFS };
    this.#commit({ ...DEFAULT_PREFS });
  }

  subscribe(fn: PrefsListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Switches to another storage key (config `storageKey` changed after start-up). */
  rekey(key: string): void {
    if (key === this.#key) return;
    this.#key = key;
    this.#commit((this.#stored = this.#load()));
  }

  #load(): Prefs {
    let raw: string | null;
    try {
      raw = this.#backend.read(this.#key);
    } catch {
      raw = null;
    }
    if (raw === null) return { ...DEFAULT_PREFS };
    return this.#parse(raw) ?? { ...DEFAULT_PREFS };
  }

  /** Parses a stored record; anything that is not ours (corrupt, foreign, newer) falls back to defaults. */
  #parse(raw: string): Prefs | null {
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      warn(`stored preferences under "${this.#key}" are not valid JSON; using defaults.`);
      return null;
    }
    const r = record as { v?: unknown; prefs?: unknown };
    if (!r || typeof r !== 'object' || r.v !== RECORD_VERSION || !r.prefs || typeof r.prefs !== 'object') {
      warn(`stored data under "${this.#key}" is not a yidu v${RECORD_VERSION} preference record; using defaults.`);
      return null;
    }
    const prefs = { ...DEFAULT_PREFS } as Record<keyof Prefs, unknown>;
    for (const key of PREF_KEYS) {
      const value = (r.prefs as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (valid(key, value)) prefs[key] = value;
      else warn(`stored preference "${key}" has invalid value ${shown(value)}; using the default.`);
    }
    return prefs as Prefs;
  }

  #commit(next: Prefs): void {
    const changed = PREF_KEYS.filter((k) => next[k] !== this.#prefs[k]);
    if (changed.length === 0) return;
    this.#prefs = Object.freeze(next);
    this.#notify(changed);
  }

  #save(): void {
    try {
      this.#backend.write(this.#key, JSON.stringify({ v: RECORD_VERSION, prefs: this.#stored }));
      this.#saveFailed = false;
    } catch (e) {
      // Quota or a storage that started throwing: the preferences keep working from memory for this page,
      // and the next change tries to save again.
      if (!this.#saveFailed) {
        error(`could not save preferences (${String(e)}); they last only while this page is open.`);
        this.onSaveError?.();
      }
      this.#saveFailed = true;
    }
  }

  #notify(changed: (keyof Prefs)[]): void {
    for (const fn of this.#listeners) {
      try {
        fn(this.#prefs, changed);
      } catch (e) {
        console.error('[yidu] a preference listener failed', e);
      }
    }
    this.#target.dispatchEvent(
      new CustomEvent('yidu-change', { detail: { changed, prefs: this.#prefs } }),
    );
  }

  /**
   * Another tab wrote our key: adopt what is stored now, without writing back. Not the event's newValue: events
   * can arrive late (Chromium under load delivers other pages' earlier writes after this page saved a newer
   * choice), and a stale value would undo the reader's latest choice.
   */
  #onStorage = (event: StorageEvent): void => {
    if (event.key !== null && event.key !== this.#key) return;
    if (event.storageArea && event.storageArea !== window.localStorage) return;
    const next = this.#load();
    if (PREF_KEYS.some((k) => next[k] !== this.#stored[k])) this.#commit((this.#stored = next));
  };
}
