/**
 * 连读 and 指读 on top of a SpeechEngine.
 *
 * 连读 reads the article piece by piece (sentences, long ones cut again), from the start or from the focused
 * element or the reader's selection, highlighting the piece being read (CSS Custom Highlight API; a drawn
 * box where that is missing) and keeping it in view. Each piece is one short utterance, so engines that cut
 * long utterances off never lose text. 指读 reads what the pointer rests on, or what gets keyboard focus;
 * its listeners are passive: clicks, focus order and keys stay the page's.
 */
import { adopt } from '../../adopted.js';
import type { EngineVoice, SpeechEngine } from './engine.js';
import { splitSentences } from './sentences.js';

export interface ReadItem {
  text: string;
  range: Range;
  block: Element;
}

const BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,td,th,dt,dd,caption,figcaption,blockquote,pre,div,section,article,main,header,footer,body';
const SKIP = 'script,style,noscript,template,textarea,select,[hidden],[aria-hidden="true"]';

function visibleText(node: Text): boolean {
  const el = node.parentElement;
  if (!el || el.closest(SKIP) || el.closest('*')!.localName.startsWith('yidu-')) return false;
  return el.getClientRects().length > 0 && node.nodeValue!.trim() !== '';
}

/** The article as pieces to read, each with the Range it covers. */
export function readingItems(root: Element): ReadItem[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const groups: { block: Element; nodes: Text[] }[] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!visibleText(n)) continue;
    const block = n.parentElement!.closest(BLOCK) ?? root;
    const last = groups[groups.length - 1];
    if (last && last.block === block) last.nodes.push(n);
    else groups.push({ block, nodes: [n] });
  }
  const lang = root.closest('[lang]')?.getAttribute('lang') || 'zh-CN';
  const items: ReadItem[] = [];
  for (const { block, nodes } of groups) {
    const text = nodes.map((t) => t.nodeValue!).join('');
    const at = (offset: number, end: boolean): [Text, number] => {
      let pos = 0;
      for (const t of nodes) {
        const len = t.nodeValue!.length;
        if (offset < pos + len || (end && offset === pos + len)) return [t, offset - pos];
        pos += len;
      }
      const lastNode = nodes[nodes.length - 1];
      return [lastNode, lastNode.nodeValue!.length];
    };
    for (const piece of splitSentences(text, lang)) {
      const range = doc.createRange();
      range.setStart(...at(piece.start, false));
      range.setEnd(...at(piece.start + piece.text.length, true));
      items.push({ text: piece.text, range, block });
    }
  }
  return items;
}

/** Where 连读 starts: the reader's selection, else the focused element, else the top. */
export function startIndex(items: readonly ReadItem[], doc: Document): number {
  const sel = doc.getSelection();
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
    const r = sel.getRangeAt(0);
    // The first piece that does not end before the selection starts.
    const i = items.findIndex((it) => it.range.comparePoint(r.startContainer, r.startOffset) <= 0);
    if (i >= 0) return i;
  }
  const focused = doc.activeElement;
  if (focused && focused !== doc.body) {
    const i = items.findIndex((it) => focused.contains(it.range.startContainer) || (focused.compareDocumentPosition(it.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
    if (i >= 0) return i;
  }
  return 0;
}

export const HIGHLIGHT = 'yidu-reading';

/** Marks the piece being read. */
class Marker {
  readonly #sheet = new CSSStyleSheet();
  #box: HTMLElement | null = null;

  constructor() {
    this.#sheet.replaceSync(`::highlight(${HIGHLIGHT}){background-color:#ffeb3b;color:#000000}`);
  }

  get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  show(range: Range): void {
    const doc = range.startContainer.ownerDocument!;
    if (this.supported) {
      adopt(this.#sheet, true, doc);
      CSS.highlights.set(HIGHLIGHT, new Highlight(range));
      return;
    }
    // Fallback: an outline drawn over the piece, in yidu's own element (the page is never changed).
    if (!this.#box) {
      this.#box = doc.createElement('yidu-reading-mark');
      const root = this.#box.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(':host{position:absolute;pointer-events:none;z-index:2147483647;outline:3px solid #d00000;background:rgb(255 235 59 / .35)}');
      root.adoptedStyleSheets = [sheet];
      doc.documentElement.append(this.#box);
    }
    const r = range.getBoundingClientRect();
    const win = doc.defaultView!;
    Object.assign(this.#box.style, { left: `${r.left + win.scrollX}px`, top: `${r.top + win.scrollY}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  clear(doc: Document): void {
    if (this.supported) {
      CSS.highlights.delete(HIGHLIGHT);
      adopt(this.#sheet, false, doc);
    }
    this.#box?.remove();
    this.#box = null;
  }
}

export type ReadState = 'idle' | 'playing' | 'paused';

export interface VoiceChoice {
  rate: number;
  voice: EngineVoice | null;
  lang: string;
}

export class Reader {
  readonly #engine: SpeechEngine;
  readonly #marker = new Marker();
  readonly #onState: (s: ReadState) => void;
  readonly #onError: (error: string) => void;
  #items: ReadItem[] = [];
  #index = 0;
  #state: ReadState = 'idle';
  #choice: VoiceChoice = { rate: 1, voice: null, lang: 'zh-CN' };
  /** Bumped on every stop, so late events of a cancelled utterance are ignored. */
  #run = 0;
  #doc: Document = document;

  /** `onError`: the engine failed (not a cancel); reading has stopped, and the next 连读 starts again. */
  constructor(engine: SpeechEngine, onState: (s: ReadState) => void, onError: (error: string) => void = () => {}) {
    this.#engine = engine;
    this.#onState = onState;
    this.#onError = onError;
  }

  get state(): ReadState {
    return this.#state;
  }

  /** 连读 from the selection, focus or top of `root`. */
  readArticle(root: Element, choice: VoiceChoice): void {
    const items = readingItems(root);
    this.#play(items, startIndex(items, root.ownerDocument), choice, root.ownerDocument);
  }

  /** Reads one short text now (指读), replacing whatever was being read. */
  say(text: string, choice: VoiceChoice, doc: Document = document): void {
    this.stop();
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    const range = doc.createRange();
    this.#play(splitSentences(clean, choice.lang).map((p) => ({ text: p.text, range, block: doc.body })), 0, choice, doc, false);
  }

  #play(items: ReadItem[], from: number, choice: VoiceChoice, doc: Document, mark = true): void {
    this.stop();
    if (items.length === 0) return;
    this.#items = items;
    this.#index = from;
    this.#choice = choice;
    this.#doc = doc;
    this.#mark = mark;
    this.#set('playing');
    this.#speakCurrent();
  }

  #mark = true;

  #speakCurrent(): void {
    const item = this.#items[this.#index];
    const run = this.#run;
    if (!item) {
      this.stop();
      return;
    }
    if (this.#mark) {
      this.#marker.show(item.range);
      const r = item.range.getBoundingClientRect();
      const win = this.#doc.defaultView!;
      if (r.top < 0 || r.bottom > win.innerHeight) item.block.scrollIntoView({ block: 'center' });
    }
    const failed = (error: string) => {
      this.stop();
      this.#onError(error);
    };
    try {
      this.#speak(item, run, failed);
    } catch (e) {
      failed(String(e));
    }
  }

  #speak(item: ReadItem, run: number, failed: (error: string) => void): void {
    this.#engine.speak({
      text: item.text,
      lang: this.#choice.lang,
      rate: this.#choice.rate,
      voice: this.#choice.voice,
      onstart: () => {},
      onend: () => {
        if (run !== this.#run) return;
        this.#index++;
        this.#speakCurrent();
      },
      onerror: (error) => {
        if (run !== this.#run || error === 'interrupted' || error === 'canceled') return;
        failed(error);
      },
    });
  }

  pause(): void {
    if (this.#state !== 'playing') return;
    this.#engine.pause();
    this.#set('paused');
  }

  resume(): void {
    if (this.#state !== 'paused') return;
    this.#engine.resume();
    this.#set('playing');
  }

  /** A new rate or voice applies from the current piece on. */
  update(choice: VoiceChoice): void {
    this.#choice = choice;
    if (this.#state !== 'playing') return;
    this.#run++;
    this.#engine.cancel();
    this.#speakCurrent();
  }

  stop(): void {
    this.#run++;
    if (this.#state === 'idle') return;
    this.#engine.cancel();
    this.#marker.clear(this.#doc);
    this.#items = [];
    this.#set('idle');
  }

  #set(state: ReadState): void {
    this.#state = state;
    this.#onState(state);
  }
}

/** What 指读 reads for an element: a link's or button's name, an image's alt, else the text of its block. */
export function pointText(target: Element): string {
  const img = target.closest('img');
  if (img) return img.getAttribute('alt') ?? '';
  const control = target.closest('a[href],button,[role=button],[role=link],input,select,textarea,label');
  if (control) {
    const name = control.getAttribute('aria-label') || (control as HTMLElement).innerText ||
      Array.from(control.querySelectorAll('img[alt]'), (i) => i.getAttribute('alt')).join(' ') ||
      control.getAttribute('title') || (control as HTMLInputElement).value || '';
    return name.trim();
  }
  const block = target.closest(BLOCK);
  return block && block.localName !== 'body' && block.localName !== 'main' ? (block as HTMLElement).innerText.trim() : '';
}
