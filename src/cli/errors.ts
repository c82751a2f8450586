/** What went wrong, and the exit code it maps to. */
export const EXIT = { ok: 0, failed: 1, usage: 2, cannot: 3 } as const;

export type CliErrorKind =
  | 'usage' // bad arguments, unknown mode
  | 'setup' // no browser
  | 'unreachable' // the page could not be loaded
  | 'never-settles' // load or DOM never settled in time
  | 'timeout' // a check took too long
  | 'no-article-root'
  | 'other-yidu' // the page already runs a different yidu
  | 'no-yidu' // yidu could not be started in the page
  | 'crashed' // the page's renderer crashed
  | 'page-timeout'; // a page of a site run took longer than --timeout as a whole

export class CliError extends Error {
  constructor(readonly kind: CliErrorKind, message: string) {
    super(message);
  }
  get exitCode(): number {
    return this.kind === 'usage' ? EXIT.usage : EXIT.cannot;
  }
}
