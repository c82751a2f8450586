/**
 * Loads a heavy feature (a separate chunk, never in the first load) on first use. The promise is shared by
 * every caller; a failed load is reported once and forgotten, so the reader's next click retries.
 *
 * Browsers remember a module that failed to load for the life of the page (Chromium and Firefox both do),
 * so importing the same address again fails at once without a request. A retry therefore asks for the
 * failed file — named in the browser's error — under a new query, which the browser fetches anew. `load`
 * must be a plain `() => import('./chunk.js')`.
 */
import { error } from './log.js';

export function lazyFeature<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  let failures = 0;
  return () =>
    (pending ??= (failures ? load().catch((e: unknown) => importAgain<T>(e, failures)) : load()).catch((e: unknown) => {
      pending = null;
      failures++;
      error(`could not load ${name}; the next attempt will retry.`, e);
      throw e;
    }));
}

function importAgain<T>(e: unknown, attempt: number): Promise<T> {
  // "Failed to fetch dynamically imported module: https://…/chunks/x-1a2b.js" (wording varies by browser).
  const url = /https?:\/\/[^\s'"`)]+/.exec(String((e as Error | undefined)?.message))?.[0];
  // Only yidu's own files: never a request to another origin.
  if (!url || !/\.m?js$/.test(url) || new URL(url).origin !== new URL(import.meta.url).origin) throw e;
  return import(/* @vite-ignore */ `${url}?retry=${attempt}`) as Promise<T>;
}
