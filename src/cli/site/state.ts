/**
 * `--state <file>`: the run's progress as JSON lines, one finished page per line, appended and fsync'ed as
 * each page finishes. A kill -9 or a power cut can only cut the last line short: that line is dropped when
 * the file is opened again, so a resumed run redoes at most the pages that were in flight, never loses a
 * finished one, and never lists one twice.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { CliError } from '../errors.js';
import type { PageResult } from './site-report.js';

const STATE_FORMAT = 'yidu-site-audit-state/1';

export interface StateHeader {
  state: typeof STATE_FORMAT;
  /** The modes checked: a state file from a run with other modes cannot be continued. */
  modes: string[];
}

export interface StateLine {
  page: PageResult;
  yidu: string;
  axe: string;
}

export class StateFile {
  readonly done = new Map<string, StateLine>();
  #fd: number;
  #end = 0;

  constructor(readonly file: string, modes: string[]) {
    const header: StateHeader = { state: STATE_FORMAT, modes };
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    this.#fd = openSync(file, existsSync(file) ? 'r+' : 'w+');
    // Keep whole lines only: everything after the last newline is a write the kill cut short.
    let keep = bytes.lastIndexOf(0x0a) + 1;
    const lines = bytes.subarray(0, keep).toString('utf8').split('\n').filter(Boolean);
    if (lines.length) {
      let first: Partial<StateHeader>;
      try {
        first = JSON.parse(lines[0]!);
      } catch {
        first = {};
      }
      if (first.state !== STATE_FORMAT) {
        closeSync(this.#fd);
        throw new CliError('usage', `--state ${file} is not a yidu audit state file; name a new file or remove it.`);
      }
      if (JSON.stringify(first.modes) !== JSON.stringify(modes)) {
        closeSync(this.#fd);
        throw new CliError('usage', `--state ${file} is from a run of modes ${first.modes?.join(',')}; this run checks ` +
          `${modes.join(',')}. Use the same --modes to resume, or a new state file.`);
      }
      let offset = Buffer.byteLength(lines[0]!) + 1;
      for (const line of lines.slice(1)) {
        try {
          const entry = JSON.parse(line) as StateLine;
          this.done.set(entry.page.key, entry);
        } catch {
          keep = offset; // a damaged line (a disk that lied about fsync): drop it and all after it
          break;
        }
        offset += Buffer.byteLength(line) + 1;
      }
    } else {
      keep = 0;
    }
    ftruncateSync(this.#fd, keep);
    this.#end = keep;
    if (keep === 0) this.#append(JSON.stringify(header));
  }

  /** Records a finished page; returns after the line is on disk. */
  add(entry: StateLine): void {
    this.done.set(entry.page.key, entry);
    this.#append(JSON.stringify(entry));
  }

  #append(line: string): void {
    // One write of a whole line at the end of the file, then fsync: the line is either all there or cut off.
    const bytes = Buffer.from(line + '\n');
    let at = 0;
    while (at < bytes.length) at += writeSync(this.#fd, bytes, at, bytes.length - at, this.#end + at);
    this.#end += bytes.length;
    fsyncSync(this.#fd);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
