/**
 * 简体 / 繁体: follows the `zh` preference. The converter and its dictionary are separate chunks loaded on
 * first need (a click, a saved preference, or the reader's hover/focus on 繁体); the page is converted in
 * slices and restored exactly. Steps run one after another, so a quick 简→繁→简 never interleaves.
 */
import { shown, type Runtime } from '../core/runtime.js';
import type { YiduConfig } from '../core/config.js';
import type { Prefs } from '../core/prefs.js';
import { lazyFeature } from '../core/lazy.js';
import { retryable } from '../core/import-retry.js';
import { announce } from '../core/announce.js';
import { error, warn } from '../core/log.js';
import { text, uiLang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/load-labels.js';
import type { Packed, Stage2 } from './chains.js';

const loadFeature = lazyFeature('简繁 conversion', () => import('./index.js'));
type Feature = Awaited<ReturnType<typeof loadFeature>>;
type Chain = Awaited<ReturnType<Feature['buildChain']>>;
type Variant = YiduConfig['variant'];

// Dictionary chunks: Simplified→Traditional (characters and phrases, plus each variant's own second stage),
// Traditional→Simplified. Each is fetched only when that direction and variant is needed.
const ST = retryable(() => import('./generated/st.js'));
const TS = retryable(() => import('./generated/ts.js'));
const STAGE2: Record<Variant, () => Promise<{ default?: Packed<Stage2> }>> = {
  t: () => Promise.resolve({}),
  tw: retryable(() => import('./generated/st-tw.js')),
  hk: retryable(() => import('./generated/st-hk.js')),
  twp: retryable(() => import('./generated/st-twp.js')),
  hkp: retryable(() => import('./generated/st-hkp.js')),
};
const chains = new Map<string, Promise<Chain>>();
type Converter = InstanceType<Feature['PageConverter']>;

/** The script the reader wants to read: `auto` is the page as written. */
export const wantedScript = (p: Readonly<Prefs>, c: Readonly<YiduConfig>): 'hans' | 'hant' => (p.zh === 'auto' ? c.source : p.zh);

let current: ZhEffect | null = null;

/** The reader showed intent (hover/focus on 繁体): fetch the converter and dictionary ahead of the click. */
export function prefetchZh(): void {
  current?.prefetch();
}

/** Resolves when the page shows what the preference asks for. */
export function zhSettled(): Promise<void> {
  return current?.settled() ?? Promise.resolve();
}

export function convertText(s: string): Promise<string> {
  if (!current) return Promise.reject(new Error('yidu has not started'));
  return current.convertText(String(s));
}

export function startZh(rt: Runtime): void {
  current = new ZhEffect(rt);
}

class ZhEffect {
  readonly #rt: Runtime;
  /** What the page shows now: null, or the config it was converted with. */
  #applied: string | null = null;
  #converters: Converter[] = [];
  /** The warm-up started by the reader's first intent (see `prefetch`); one per page is enough. */
  #warming: { stop(): void } | null = null;
  #steps: Promise<void> = Promise.resolve();

  constructor(rt: Runtime) {
    this.#rt = rt;
    rt.prefs.subscribe((_, changed) => changed.includes('zh') && this.#sync());
    // A failed conversion the reader asks for again (#step does nothing if the page already shows the choice).
    rt.status.subscribe((_, changed) => changed.includes('retried') && this.#sync());
    rt.config.subscribe(() => this.#sync());
    this.#sync();
  }

  #wanted(): string | null {
    const c = this.#rt.config.get();
    if (wantedScript(shown(this.#rt), c) === c.source) return null;
    return JSON.stringify([c.source, c.variant, c.zhRoot, c.zhFrames]);
  }

  #sync(): void {
    this.#steps = this.#steps.then(() => this.#step()).catch((e: unknown) => console.error('[yidu] 简繁', e));
    // A restore interrupts a conversion in progress at once.
    if (this.#applied !== null && this.#wanted() !== this.#applied) for (const pc of this.#converters) void pc.restore();
  }

  async settled(): Promise<void> {
    let steps;
    do {
      steps = this.#steps;
      await steps;
      await Promise.all(this.#converters.map((pc) => pc.idle()));
    } while (steps !== this.#steps);
  }

  async #load(): Promise<[Feature, Chain]> {
    const { source, variant } = this.#rt.config.get();
    const key = `${source}:${variant}`;
    let chain = chains.get(key);
    if (!chain) {
      // Converter and dictionaries download in parallel.
      chain = (source === 'hans'
        ? Promise.all([loadFeature(), ST(), STAGE2[variant]()]).then(([f, m, s2]) => f.buildChain(source, variant, m.default, s2.default))
        : Promise.all([loadFeature(), TS()]).then(([f, m]) => f.buildChain(source, variant, m.default)));
      chains.set(key, chain);
      // A failed download is forgotten, so the next click fetches again.
      chain.catch(() => chains.delete(key));
    }
    // yidu's own labels in the script the page turns to (繁体's are a lazy chunk) are fetched with the converter,
    // so they are usually here by the time the text turns (not awaited: waiting held up long pages' conversion).
    void labelsFor(uiLang(this.#rt.config.get(), { ...shown(this.#rt), zh: source === 'hans' ? 'hant' : 'hans' }));
    return [await loadFeature(), await chain];
  }

  /**
   * Fetches and builds the converter ahead of the click and, while the page still shows its own script,
   * converts its text into the converter's memo (nothing on the page changes): the click then only writes.
   */
  prefetch(): void {
    this.#load().then(([feature, chain]) => {
      if (this.#warming || this.#applied !== null || this.#wanted() !== null) return;
      const c = this.#rt.config.get();
      const root = c.zhRoot ? document.querySelector(c.zhRoot) : document.documentElement;
      if (!root) return; // the click reports it
      const title = document.querySelector('title');
      const roots = title && !root.contains(title) ? [root, title] : [root];
      this.#warming = feature.PageConverter.warm(feature.direction(chain, c.source, c.variant), roots);
    }).catch(() => {});
  }

  async convertText(s: string): Promise<string> {
    const [feature, chain] = await this.#load();
    return feature.convert(chain, s);
  }

  async #step(): Promise<void> {
    const wanted = this.#wanted();
    if (wanted === this.#applied) return;
    if (this.#applied !== null) {
      await Promise.all(this.#converters.map((pc) => pc.restore()));
      this.#converters = [];
      this.#applied = null;
      if (wanted === null) return;
    }
    let loaded;
    try {
      loaded = await this.#load();
    } catch (e) {
      error('could not load 简繁 conversion; the next attempt will retry.', e);
      // The page stays as written and the switch says so; the reader's saved choice is kept, so the next
      // visit tries again, and the next click loads again.
      this.#rt.status.fail('zh');
      announce(text(uiLang(this.#rt.config.get(), shown(this.#rt)), 'zhLoadFailed'));
      return;
    }
    if (this.#wanted() !== wanted) return;
    // What the warm-up converted is in the memo; the rest is done now, once.
    this.#warming?.stop();
    const [feature, chain] = loaded;
    const c = this.#rt.config.get();
    const dir = feature.direction(chain, c.source, c.variant);
    const docs: [Document, Element | null][] = [[document, c.zhRoot ? document.querySelector(c.zhRoot) : document.documentElement]];
    if (!docs[0]![1]) {
      warn(`zhRoot selector "${c.zhRoot}" matches no element; converting the whole page.`);
      docs[0]![1] = document.documentElement;
    }
    if (c.zhFrames === 'same-origin') {
      for (const frame of docs[0]![1]!.querySelectorAll('iframe')) {
        let doc: Document | null = null;
        try {
          doc = frame.contentDocument; // null (or a throw) for another origin: skipped
        } catch {
          doc = null;
        }
        if (doc?.documentElement) docs.push([doc, doc.documentElement]);
        else warn(`zhFrames: iframe ${frame.src} is from another origin; it is not converted.`);
      }
    }
    this.#applied = wanted;
    for (const [doc, root] of docs) {
      const pc = new feature.PageConverter();
      this.#converters.push(pc);
      const roots = [root!];
      const title = doc.querySelector('title');
      if (title && !root!.contains(title)) roots.push(title);
      void pc.convert(dir, roots, root === doc.documentElement ? [] : [doc.documentElement]);
    }
  }
}
