/**
 * Loads a heavy feature (a separate chunk, never in the first load) on first use. The promise is shared by
 * every caller; a failed load is reported once and forgotten, so the reader's next click retries — under a
 * fresh URL, since browsers remember failed imports (see import-retry.ts). `load` must be a plain
 * `() => import('./chunk.js')`.
 */
import { error } from './log.js';
import { retryable } from './import-retry.js';

export function lazyFeature<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  const attempt = retryable(load);
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= attempt().catch((e: unknown) => {
      pending = null;
      error(`could not load ${name}; the next attempt will retry.`, e);
      throw e;
    }));
}
