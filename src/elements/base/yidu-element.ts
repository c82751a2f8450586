import { LitElement } from 'lit';
import { choose, runtime, shown } from '../../core/runtime.js';
import type { Prefs } from '../../core/prefs.js';
import type { Status } from '../../core/status.js';
import { text, uiLang } from '../../i18n/lang.js';
import { labelsFor } from '../../i18n/load-labels.js';
import type { StringKey, UiLang } from '../../i18n/strings.js';
import { baseStyles } from './styles.js';

/**
 * Base of every yidu element: reads and writes preferences, reads the page's status, picks the label language,
 * and re-renders when any of them changes. Elements never touch the page; effects follow from the preferences they write.
 */
export class YiduElement extends LitElement {
  static override styles = [baseStyles];

  /** Registers the element once; a page that loads yidu twice gets no error. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  #unsubscribe: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const { prefs, config, status } = runtime();
    const update = () => this.requestUpdate();
    this.#unsubscribe.push(prefs.subscribe(update), config.subscribe(update), status.subscribe(update));
    // Preferences may have changed while the element was out of the page.
    update();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
  }

  /**
   * A site that shrinks its whole page (`html { zoom: 0.8 }`) must not shrink our targets below 44 × 44:
   * undo a zoom below 1 on our own host (CSSOM, which a strict CSP allows). A larger zoom (the reader's
   * 页面缩放) still enlarges the controls.
   */
  protected override updated(): void {
    const own = parseFloat(this.style.zoom) || 1;
    const outer = ((this as { currentCSSZoom?: number }).currentCSSZoom ?? 1) / own;
    const want = outer < 0.99 ? String(1 / outer) : '';
    if (this.style.zoom !== want) this.style.zoom = want;
  }

  /** The preferences as the page shows them: a feature that failed to load reads as off. */
  protected get prefs(): Readonly<Prefs> {
    return shown(runtime());
  }

  /** What is true of the page right now (a voice to read with, 连读's state): written by effects. */
  protected get status(): Readonly<Status> {
    return runtime().status.get();
  }

  /** The reader's choice: a feature among these that had failed is tried again. */
  protected setPrefs(partial: Partial<Prefs>): void {
    choose(runtime(), partial);
  }

  protected get uiLang(): UiLang {
    const lang = uiLang(runtime().config.get(), this.prefs);
    // Labels other than 简体 are a lazy chunk: render again once they are here (the update is complete then).
    this.#labels ??= labelsFor(lang)?.then((ok) => {
      this.#labels = null;
      if (ok) this.requestUpdate();
    }) ?? null;
    return lang;
  }

  #labels: Promise<void> | null = null;

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#labels;
    return super.getUpdateComplete();
  }

  protected t(key: StringKey): string {
    return text(this.uiLang, key);
  }

  /** Classes for the root wrapper: `elder` enlarges targets to 60×60. */
  protected get rootClass(): string {
    return this.prefs.elder ? 'group elder' : 'group';
  }
}
