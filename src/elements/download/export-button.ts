import { html, nothing } from 'lit';
import { YiduElement } from '../base/yidu-element.js';
import { announce } from '../../core/announce.js';
import { error } from '../../core/log.js';
import { resolveContentRoot } from '../../core/content-root.js';
import { runtime } from '../../core/runtime.js';
import type { StringKey } from '../../i18n/strings.js';
import type { ExportStringKey } from '../../i18n/export-strings.js';
import { lazyFeature } from '../../core/lazy.js';

/** The words of a running export: they come with the first feature chunk a button loads. */
const loadWords = lazyFeature('the export messages', () => import('../../i18n/export-strings.js'));
let words: Awaited<ReturnType<typeof loadWords>> | undefined;

/** A lazy chunk that could not be fetched (network, deployment), as opposed to a failure while exporting. */
class ChunkLoadError extends Error {}

/**
 * Shared behaviour of 下载Word / 下载PDF / 打印文章: one button that loads its library on first use,
 * shows and announces that it is busy, and says plainly when something failed.
 */
export abstract class ExportButton extends YiduElement {
  static override properties = { busy: { state: true }, note: { state: true } };
  declare busy: string;
  declare note: string;

  constructor() {
    super();
    this.busy = '';
    this.note = '';
  }

  protected abstract label(): StringKey;
  /** Does the work; returns a message to announce, if any. */
  protected abstract run(): Promise<string | void>;

  protected get article(): Element {
    return resolveContentRoot(runtime().config.get().content) ?? document.body;
  }

  protected get skip(): string {
    return runtime().config.get().elderHide;
  }

  /** Loads a feature's chunk with the busy state shown; a failure is reported as a load failure. */
  protected async load<T>(loader: () => Promise<T>): Promise<T> {
    return this.working(this.t('busy'), () =>
      Promise.all([loader(), loadWords()]).then(
        ([feature, w]) => ((words = w), feature),
        (e: unknown) => {
          throw new ChunkLoadError(String(e));
        },
      ),
    );
  }

  /** A message of a running export (available once `load()` has loaded a feature). */
  protected x(key: ExportStringKey): string {
    return words ? words.exportText(this.uiLang, key) : this.t('loadFailed');
  }

  /** Shows the busy state while `work` runs (for the label: loading a library, or making the file). */
  protected async working<T>(label: string, work: () => Promise<T>): Promise<T> {
    this.busy = label;
    announce(this.busy);
    try {
      return await work();
    } finally {
      this.busy = '';
    }
  }

  override render() {
    return html`<span class=${this.rootClass} lang=${this.uiLang}>
      <button part="button" type="button" aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${this.busy ? 'true' : nothing} aria-describedby=${this.note ? 'note' : nothing}
        @click=${this.#click}>${this.busy || this.t(this.label())}</button>
      ${this.note ? html`<span id="note" part="note" class="note">${this.note}</span>` : nothing}
    </span>`;
  }

  async #click(): Promise<void> {
    if (this.busy) return;
    this.note = '';
    try {
      const message = await this.run();
      if (message) this.#say(message, false);
    } catch (e) {
      if (e instanceof ChunkLoadError) {
        this.#say(this.t('loadFailed'), true);
      } else {
        error(`${this.localName}: export failed.`, e);
        this.#say(this.x('exportFailed'), true);
      }
    }
  }

  #say(message: string, show: boolean): void {
    if (show) this.note = message;
    announce(message);
  }

  /** Hands the file to the browser; a site may take it instead by cancelling the `yidu-export` event. */
  protected save(format: string, fileName: string, blob: Blob | null, url?: string): boolean {
    const event = new CustomEvent('yidu-export', {
      detail: { format, fileName, blob, url: url ?? null },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(event)) return true;
    const a = document.createElement('a');
    const href = blob ? URL.createObjectURL(blob) : url!;
    a.href = href;
    a.download = fileName;
    a.click();
    if (blob) setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return true;
  }
}
