/**
 * Loads a heavy feature (a separate chunk, never in the first load) on first use. The promise is shared by
 * every caller; a failed load is reported once and forgotten, so the reader's next click retries.
 */
import { error } from './log.js';

export function lazyFeature<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = null;
      error(`could not load ${name}; the next attempt will retry.`, e);
      throw e;
    }));
}
