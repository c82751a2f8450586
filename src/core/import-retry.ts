/**
 * Browsers remember a module that failed to load and fail every later `import()` of the same URL at once.
 * To let the reader's next click really retry, a failed chunk is imported again under a fresh query string
 * (same file). The URL comes from the browser's error message (Chromium and Firefox name it; elsewhere the
 * retry fails again, politely). Only yidu's own files: never a request to another origin.
 */
export function retryable<T>(load: () => Promise<T>): () => Promise<T> {
  let failed: string | null = null;
  let attempt = 0;
  return () =>
    (failed ? (import(/* @vite-ignore */ `${failed}?retry=${++attempt}`) as Promise<T>) : load()).catch((e: unknown) => {
      const url = /(https?:\/\/[^\s'"`)]+?\.m?js)\b/.exec(String((e as Error)?.message ?? e))?.[1];
      if (url && new URL(url).origin === new URL(import.meta.url).origin) failed = url;
      throw e;
    });
}
