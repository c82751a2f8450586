/**
 * The configuration schema: every key, its default, what it accepts, and how it is spelled on the script
 * tag. This is the one place the config table in docs/config.md is written from (a test compares them).
 */
import { shown, warn } from './log.js';

export const VARIANTS = ['tw', 'hk', 't', 'twp', 'hkp'] as const;
/** A Traditional variant of 繁体: Taiwan or Hong Kong forms, with (`twp`, `hkp`) or without their phrases, or plain (`t`). */
export type Variant = (typeof VARIANTS)[number];
export const UI_LANGS = ['auto', 'zh-Hans', 'zh-Hant', 'en'] as const;

export interface YiduConfig {
  /** CSS selector of the article; `null` picks the first of `main`, `article`, `[role=main]`, `#zoom`, `body`. */
  content: string | null;
  /** `auto` inserts `<yidu-toolbar>` at the top of the body when the page has no `<yidu-*>` element. */
  toolbar: 'auto' | 'none';
  /** Traditional variant used by 繁体. */
  variant: Variant;
  /** The script the page is written in: `hant` pages get 繁→简 conversion for 简体. */
  source: 'hans' | 'hant';
  /** CSS selector of the part converted by 简体/繁体; `null` is the whole document. */
  zhRoot: string | null;
  /** `same-origin` also converts same-origin iframes present at conversion time. */
  zhFrames: 'none' | 'same-origin';
  /**
   * Retired: 简→繁 is always exact now (equal to opencc-js on every input), so there is nothing to choose.
   * `full` is still accepted without a warning, for pages written for earlier versions; `compact` is gone.
   */
  zhDictionary: 'full' | null;
  /** UI language; `auto` follows the page (`<html lang>`) and the reader's 简/繁 choice. */
  lang: (typeof UI_LANGS)[number];
  /** localStorage key holding the reader's preferences. */
  storageKey: string;
  /** Extra CSS selectors hidden in 长者模式 (ads, pop-ups), besides `[data-yidu-elder="hide"]`. */
  elderHide: string;
  /** Address the 扫一扫 QR code opens; `null` uses the page's canonical link or its own address. */
  qrUrl: string | null;
  /** The site's own 智能问答 service, linked (never called) when the page does not answer; `{q}` is replaced by the question. */
  qaUrl: string | null;
  /** Same-origin TrueType font covering 简 and 繁; when set, 下载PDF makes a text PDF in the browser. */
  font: string | null;
  /** Keyboard shortcuts of the assistive bar (Ctrl+` and Ctrl+Alt+letter); `off` leaves every key to the page. */
  shortcuts: 'on' | 'off';
  /** Alt+1…6 regions (header, navigation, article, side column, footer, search): `;`-separated selectors, empty = landmark. */
  regions: string;
  /** The site's own wording of yidu's labels, by language and label key: `{ "zh-Hans": { "qa": "本页问答" } }`. */
  labels: Partial<Record<Exclude<(typeof UI_LANGS)[number], 'auto'>, Readonly<Record<string, string>>>>;
}

export const DEFAULT_CONFIG: Readonly<YiduConfig> = Object.freeze({
  content: null,
  toolbar: 'auto',
  variant: 'tw',
  source: 'hans',
  zhRoot: null,
  zhFrames: 'none',
  zhDictionary: null,
  lang: 'auto',
  storageKey: 'yidu:prefs',
  elderHide: '',
  qrUrl: null,
  qaUrl: null,
  font: null,
  shortcuts: 'on',
  regions: '',
  labels: {},
});

type Check = (value: unknown) => boolean;

interface Field {
  /** Human description of accepted values, used in warnings. */
  accepts: string;
  check: Check;
}

const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);

const isSelector: Check = (v) => {
  if (typeof v !== 'string' || v.trim() === '') return false;
  try {
    document.createDocumentFragment().querySelector(v);
    return true;
  } catch {
    return false;
  }
};

/** A font on the page's own origin: yidu makes no requests to other origins. */
const isSameOriginFont: Check = (v) => {
  if (typeof v !== 'string' || v.trim() === '') return false;
  try {
    return new URL(v, document.baseURI).origin === self.origin;
  } catch {
    return false;
  }
};

const isObject = (v: unknown): v is object => !!v && typeof v === 'object' && !Array.isArray(v);


const isSelectorList: Check = (v) => v === '' || isSelector(v);

/** An http(s) address, absolute or relative to the page; anything else (javascript:, data:) is refused. */
export function httpUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  try {
    const url = new URL(v, document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** How a key is written as a data attribute on the script tag: `zhRoot` → `data-zh-root` (configFromScript reads it back). */
export const attributeOf = (key: string): string => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export const CONFIG_FIELDS: Readonly<Record<keyof YiduConfig, Field>> = {
  content: { accepts: 'a valid CSS selector', check: (v) => v === null || isSelector(v) },
  toolbar: { accepts: '"auto" or "none"', check: oneOf(['auto', 'none']) },
  variant: { accepts: VARIANTS.map((v) => `"${v}"`).join(', '), check: oneOf(VARIANTS) },
  lang: { accepts: UI_LANGS.map((v) => `"${v}"`).join(', '), check: oneOf(UI_LANGS) },
  storageKey: {
    accepts: 'a non-empty string',
    check: (v) => typeof v === 'string' && v.trim() !== '',
  },
  elderHide: { accepts: 'a valid CSS selector list', check: isSelectorList },
  qrUrl: { accepts: 'an http(s) address', check: (v) => v === null || httpUrl(v) !== null },
  qaUrl: { accepts: 'an http(s) address', check: (v) => v === null || httpUrl(v) !== null },
  font: {
    accepts: 'the URL of a same-origin .ttf or .otf font',
    check: (v) => v === null || isSameOriginFont(v),
  },
  source: { accepts: '"hans" or "hant"', check: oneOf(['hans', 'hant']) },
  zhRoot: { accepts: 'a valid CSS selector', check: (v) => v === null || isSelector(v) },
  zhFrames: { accepts: '"none" or "same-origin"', check: oneOf(['none', 'same-origin']) },
  zhDictionary: { accepts: '"full" (no longer needed: 简繁 is always exact)', check: oneOf(['full']) },
  shortcuts: { accepts: '"on" or "off"', check: oneOf(['on', 'off']) },
  regions: {
    accepts: 'up to six CSS selectors separated by ";"',
    check: (v) => typeof v === 'string' && v.split(';').length <= 6 && v.split(';').every((s) => s.trim() === '' || isSelector(s)),
  },
  // Checked as an object here; its languages, keys and texts by the store's `checkLabels` (lazily, see runtime.ts).
  labels: { accepts: 'an object', check: isObject },
};

const KEYS = Object.keys(CONFIG_FIELDS) as (keyof YiduConfig)[];

/**
 * Keeps the known, valid entries of `input` and warns once for each unknown key or invalid value.
 * `source` says where the value came from, so the warning points at the right place.
 */
export function validateConfig(input: Record<string, unknown>, source: string): Partial<YiduConfig> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const field = CONFIG_FIELDS[key as keyof YiduConfig];
    if (!field) {
      warn(`${source}: unknown config key "${key}" ignored. Known keys: ${KEYS.join(', ')}.`);
      continue;
    }
    if (!field.check(value)) {
      warn(
        `${source}: invalid value ${shown(value)} for "${key}" ignored; accepted: ${field.accepts}. ` +
          `Using ${JSON.stringify(DEFAULT_CONFIG[key as keyof YiduConfig])}.`,
      );
      continue;
    }
    out[key] = value;
  }
  return out as Partial<YiduConfig>;
}

/** Reads `data-*` attributes of the script tag into config entries (unknown ones are reported). */
export function configFromScript(script: Element | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!script) return out;
  for (const { name, value } of Array.from(script.attributes)) {
    if (!name.startsWith('data-')) continue;
    const key = name.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[key] = value;
    // `data-labels` is JSON; text that does not parse stays text, which the check then refuses.
    if (key === 'labels') try {
      out[key] = JSON.parse(value);
    } catch {}
  }
  return out;
}

export type ConfigListener = (config: Readonly<YiduConfig>) => void;

/** The live configuration: defaults, then `window.yiduConfig`, then the script tag, then `Yidu.configure()`. */
export class ConfigStore {
  #config: Readonly<YiduConfig> = DEFAULT_CONFIG;
  readonly #listeners = new Set<ConfigListener>();
  /** Warns about what a site's `labels` hold that the lookup leaves out (`source` as in the other warnings). */
  readonly #checkLabels: (labels: object, source: string) => void;

  constructor(checkLabels: (labels: object, source: string) => void = () => {}) {
    this.#checkLabels = checkLabels;
  }

  get(): Readonly<YiduConfig> {
    return this.#config;
  }

  update(input: unknown, source: string): void {
    if (!isObject(input)) {
      warn(`${source}: expected an object of config entries, got ${shown(input)}; ignored.`);
      return;
    }
    const valid = validateConfig(input as Record<string, unknown>, source);
    if (valid.labels) this.#checkLabels(valid.labels, source);
    if (Object.keys(valid).length === 0) return;
    this.#config = Object.freeze({ ...this.#config, ...valid });
    for (const fn of this.#listeners) fn(this.#config);
  }

  subscribe(fn: ConfigListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
