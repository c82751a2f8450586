/**
 * Everything `<yidu-qa>` shows past its button, and the question engine (src/qa), loaded on first use as one
 * chunk: the labelled popover with one text field, 提问, the answer quoted from the page with 在页面中查看, up
 * to three 相关内容 passages when the page does not answer, and — when the site configures `qaUrl` — a plain
 * link to the site's own service. Esc, 关闭 or a click elsewhere closes it and focus returns to the button;
 * tabbing out closes it. It only listens to the page: the site's handlers get every click and key as before.
 *
 * This chunk imports nothing from the first load (Lit and the shared strings come from the element).
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { StringKey, UiLang } from '../../i18n/strings.js';
import { QA_STRINGS, qaText, type QaStringKey } from '../../i18n/qa-strings.js';
import { findAnswer, nodeOf, type Found } from '../../qa/answer.js';

import { clearPlace, rangeOf, showPlace } from './qa-place.js';
import { Popover, POPOVER_CSS, TOP_LAYER, type PopoverHost } from '../popover.js';

export interface QaPassage {
  /** The quotation, as the page shows it now. */
  text: string;
  /** The `<td>`/`<th>` or block element that holds it. */
  node: Element;
  kind: 'cell' | 'passage';
}

export interface QaAnswer {
  /** The answer as shown: a quotation, or the sentence saying the page does not seem to answer. */
  text: string;
  node: Element | null;
  kind?: 'cell' | 'passage';
  /** Up to three passages near the question. */
  related: QaPassage[];
  /** Said about a cell of the template's application table when its own sum check does not hold. */
  note?: string;
}

const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

function quote({ entry: e, section }: Found, lang: UiLang): string {
  if (e.kind === 'passage') return clean(section ? e.block.textContent : e.block.textContent!.slice(e.start, e.end));
  const heads = [...e.cell.rows, ...e.cell.cols].map((h) => clean(h.textContent)).filter(Boolean);
  const value = clean(e.cell.el.textContent);
  return heads.length ? heads.join(' · ') + (lang === 'en' ? ': ' : '：') + value : value;
}

const passage = (f: Found, lang: UiLang): QaPassage => ({ text: quote(f, lang), node: nodeOf(f.entry), kind: f.entry.kind });

/** Answers `question` from the page's content root `root` (the `Yidu.qa.ask` API and the panel). */
export function ask(question: string, root: Element, lang: UiLang): QaAnswer & Located {
  const { best, related, mismatch } = findAnswer(question, root);
  const answer: QaAnswer = best
    ? { ...passage(best, lang), related: related.map((f) => passage(f, lang)) }
    : { text: qaText(lang, 'qaNone'), node: null, related: related.map((f) => passage(f, lang)) };
  if (mismatch.length) answer.note = qaText(lang, 'qaSum').replace('{cols}', mismatch.join(lang === 'en' ? ', ' : '、'));
  // What the panel needs to jump, kept out of the API's plain result.
  return Object.defineProperties(answer, { found: { value: best }, foundRelated: { value: related } }) as QaAnswer & Located;
}

/** Where an answer and its related passages are (for 在页面中查看). */
interface Located {
  found: Found | null;
  foundRelated: Found[];
}

/** Jumps to a passage or cell: highlighted, scrolled to, selected (see qa-place.ts). */
export function jumpTo(found: Found): void {
  const e = found.entry;
  const node = nodeOf(e);
  showPlace(node, e.kind === 'passage' && !found.section ? rangeOf(node, e.start, e.end) : rangeOf(node));
}

/** The element, as the panel sees it. */
export type QaHost = PopoverHost;

export interface QaDeps {
  html: typeof litHtml;
  nothing: typeof litNothing;
  t(key: StringKey): string;
  lang(): UiLang;
  /** The content root, as configured. */
  root(): Element;
  /** The `qaUrl` config. */
  serviceUrl(): string | null;
  /** 文字大小: the panel follows the reader's text size. */
  fontSize(): string;
}

const STYLES = new CSSStyleSheet();
STYLES.replaceSync(`
.panel{box-sizing:border-box;display:none;flex-direction:column;gap:8px;width:min(26em,calc(100vw - 16px));
  padding:12px 16px;color:var(--yidu-color,#1f1f1f);background:var(--yidu-background,#ffffff);
  border:1px solid var(--yidu-border-color,#5e5e5e);border-radius:var(--yidu-radius,4px)}
.open{display:flex}
${POPOVER_CSS}
.small{font-size:.875em}.large{font-size:1.25em}
.panel:focus-visible{outline:3px solid var(--yidu-focus-color,#0b57d0)}
.panel p,.panel blockquote,.panel ul{margin:0}
.title{font-weight:700}
.hint,.note{font-size:.875em}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
label{flex-basis:100%}
input{box-sizing:border-box;flex:1 1 8em;min-width:0;min-height:var(--_target);padding:0 .5em;font:inherit;
  color:inherit;background:var(--yidu-background,#ffffff);border:1px solid var(--yidu-border-color,#5e5e5e);border-radius:var(--yidu-radius,4px)}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--yidu-focus-color,#0b57d0);outline-offset:2px}
blockquote{padding:8px;border-inline-start:4px solid var(--yidu-accent,#0b57d0);background:var(--yidu-hover-background,#eef3fc);overflow-wrap:anywhere}
ul{padding:0;list-style:none;display:flex;flex-direction:column;gap:4px}
.passage{width:100%;justify-content:flex-start;text-align:start;white-space:normal;padding:4px 8px}
a{color:var(--yidu-link-color,#0b57d0);min-height:var(--_target);display:inline-flex;align-items:center}
.actions{display:flex;flex-wrap:wrap;gap:8px}
`);

export class QaPanel {
  readonly #host: QaHost;
  readonly #d: QaDeps;
  readonly #popover: Popover;
  #question = '';
  #answer: (QaAnswer & Located) | null = null;
  #empty = false;

  constructor(host: QaHost, deps: QaDeps) {
    this.#host = host;
    this.#d = deps;
    this.#popover = new Popover(host);
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, STYLES];
    this.connect();
  }

  get open(): boolean {
    return this.#popover.open;
  }

  connect(): void {
    this.#popover.connect();
  }

  disconnect(): void {
    this.#popover.disconnect();
  }

  #text(key: StringKey | QaStringKey): string {
    return key in QA_STRINGS['zh-Hans'] ? qaText(this.#d.lang(), key as QaStringKey) : this.#d.t(key as StringKey);
  }

  #serviceLink(): string | null {
    const url = this.#d.serviceUrl();
    return url ? url.replace('{q}', encodeURIComponent(this.#question)) : null;
  }

  render(): TemplateResult {
    const { html, nothing } = this.#d;
    const t = (key: StringKey | QaStringKey) => this.#text(key);
    const a = this.#answer;
    const size = this.#d.fontSize();
    const service = a && !a.node ? this.#serviceLink() : null;
    return html`<div id="panel" part="panel" class="panel popover ${size}${this.open ? ' open' : ''}" role="dialog"
      aria-labelledby="qa-title" tabindex="-1" popover=${TOP_LAYER ? 'manual' : nothing}>
      <p id="qa-title" class="title">${t('qaTitle')}</p>
      <p class="hint">${t('qaHint')}</p>
      <form @submit=${this.#submit}>
        <label for="q">${t('qaField')}</label>
        <input id="q" part="input" type="text" autocomplete="off" enterkeyhint="search" .value=${this.#question}
          @input=${(e: Event) => (this.#question = (e.target as HTMLInputElement).value)}>
        <button part="button" type="submit">${t('qaAsk')}</button>
      </form>
      <div role="status" class="result">${this.#empty
        ? html`<p>${t('qaEmpty')}</p>`
        : a
          ? html`${a.node ? html`<blockquote part="answer">${a.text}</blockquote>` : html`<p part="answer">${a.text}</p>`}
            ${a.note ? html`<p class="note" part="note">${a.note}</p>` : nothing}`
          : nothing}</div>
      ${a?.found ? html`<div class="actions"><button part="button" type="button" @click=${() => this.#jump(a.found!)}>${t('qaJump')}</button></div>` : nothing}
      ${a && !a.node && a.related.length
        ? html`<p id="qa-related">${t('qaRelated')}</p>
          <ul aria-labelledby="qa-related">${a.related.map((r, i) => html`<li><button part="button" class="passage" type="button"
            @click=${() => this.#jump(a.foundRelated[i]!)}>${r.text}</button></li>`)}</ul>`
        : nothing}
      ${service ? html`<p><a part="link" href=${service} rel="noopener">${t('qaService')}</a></p>` : nothing}
      <div class="actions"><button part="button" type="button" @click=${() => this.close(true)}>${t('dismiss')}</button></div>
    </div>`;
  }

  #submit = (e: Event) => {
    e.preventDefault();
    const q = this.#question.trim();
    this.#empty = !q;
    this.#answer = q ? ask(q, this.#d.root(), this.#d.lang()) : null;
    this.#host.requestUpdate();
    // The answer changes the panel's height.
    void this.#host.updateComplete.then(() => this.open && this.#place());
  };

  #jump(found: Found): void {
    // Focus leaves our panel for the page, where the selection now is: reading and Tab go on from there. The
    // button itself is blurred: Firefox leaves focus on a button of a hidden panel until its next focus fix-up,
    // and blurring the host does not reach into its shadow root there.
    ((this.#host.renderRoot as ShadowRoot).activeElement as HTMLElement | null)?.blur();
    this.close(false);
    jumpTo(found);
  }

  toggle(): void {
    if (this.open) this.close(true);
    else void this.#show();
  }

  async #show(): Promise<void> {
    clearPlace();
    await this.#popover.show(() => {
      this.#place();
      this.#host.renderRoot.querySelector<HTMLInputElement>('#q')!.focus({ preventScroll: true });
    });
    this.#popover.follow(() => {
      const opts = { capture: true, passive: true } as const;
      addEventListener('scroll', this.#place, opts);
      addEventListener('resize', this.#place, opts);
      return () => {
        removeEventListener('scroll', this.#place, opts);
        removeEventListener('resize', this.#place, opts);
      };
    });
  }

  /**
   * Below the button (above it when there is more room there), inside the viewport, scrolling inside itself
   * when the viewport is short (a phone, 400% zoom). Simple enough not to need the positioning library.
   */
  #place = () => {
    const { panel, button } = this.#popover;
    const r = button.getBoundingClientRect();
    const below = innerHeight - r.bottom - 16;
    const above = r.top - 16;
    const room = Math.max(120, below >= 240 || below >= above ? below : above);
    panel.style.setProperty('max-height', `${room}px`);
    const height = Math.min(panel.scrollHeight, room);
    const top = below >= 240 || below >= above ? r.bottom + 8 : r.top - 8 - height;
    panel.style.setProperty('left', `${Math.max(8, Math.min(r.left, innerWidth - panel.offsetWidth - 8))}px`);
    panel.style.setProperty('top', `${Math.max(8, top)}px`);
  };

  close(focusButton: boolean): void {
    this.#popover.close(focusButton);
  }
}
