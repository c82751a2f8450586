/**
 * Loads a heavy feature (a separate chunk, never in the first load) on first use. The promise is shared by
 * every caller; a failed load is reported once and forgotten, so the reader's next click retries.
 */
import { error } from './log.js';

/**
 * Browsers remember a failed dynamic import for the life of the page (Chromium answers every later
 * `import()` of the same URL with the same error), so a retry asks for the same file under a new URL. The
 * URL is taken from the error message, which Chromium and Firefox include.
 */
const MODULE_URL = /(https?:\/\/[^\s'"]+?\.m?js)(?:\?[^\s'"]*)?(?=[\s'"]|$)/;

export function lazyFeature<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  let failedUrl: string | null = null;
  let attempt = 0;
  return () =>
    (pending ??= (failedUrl ? (import(/* @vite-ignore */ `${failedUrl}?retry=${++attempt}`) as Promise<T>) : load()).catch(
      (e: unknown) => {
        pending = null;
        failedUrl = MODULE_URL.exec(String(e))?.[1] ?? failedUrl;
        error(`could not load ${name}; the next attempt will retry.`, e);
        throw e;
      },
    ));
}
