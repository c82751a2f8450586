/**
 * The registry's second half: what each mode of ./modes.ts needs only at build time or after the first load
 * (which preferences the loader waits for, its audit presets), kept apart so that it never weighs on every page view. Keyed by the same mode names (the type
 * checks that every entry names a mode); `yidu audit` lists the presets in this order, after `default`.
 */
import type { MODES } from './modes.js';
import type { Prefs } from './prefs.js';

export interface AuditPreset {
  /** Preferences set for this preset, on top of the defaults. */
  readonly prefs: Readonly<Partial<Prefs>>;
  /** What a QA reader sees in the report. */
  readonly description: string;
}

export interface ModeExtras {
  /** Its preferences change the page at once: the loader hides the page until their saved values are applied (at most 1 s). */
  readonly cloak?: readonly (keyof Prefs)[];
  /** Presets `yidu audit` checks, by name. */
  readonly audit?: Readonly<Record<string, AuditPreset>>;
}

export const MODE_EXTRAS: { readonly [M in keyof typeof MODES]?: ModeExtras } = {
  elder: { cloak: ['elder'], audit: { elder: { prefs: { elder: true }, description: '长者模式 (elder mode)' } } },
  fontSize: {
    cloak: ['fontSize'],
    audit: {
      large: { prefs: { fontSize: 'large' }, description: '文字大小 大 (large text)' },
      small: { prefs: { fontSize: 'small' }, description: '文字大小 小 (small text)' },
      'elder-large': { prefs: { elder: true, fontSize: 'large' }, description: '长者模式 with 文字大小 大' },
    },
  },
  zh: { audit: { hant: { prefs: { zh: 'hant' }, description: '繁体 (Traditional script, configured variant)' } } },
  bar: { cloak: ['a11yBar'] },
  colors: {
    cloak: ['colors'],
    audit: {
      'contrast-white-on-black': { prefs: { colors: 'white-on-black' }, description: '配色 黑底白字' },
      'contrast-black-on-white': { prefs: { colors: 'black-on-white' }, description: '配色 白底黑字' },
      'contrast-yellow-on-black': { prefs: { colors: 'yellow-on-black' }, description: '配色 黑底黄字' },
      'contrast-black-on-yellow': { prefs: { colors: 'black-on-yellow' }, description: '配色 黄底黑字' },
      'contrast-white-on-blue': { prefs: { colors: 'white-on-blue' }, description: '配色 蓝底白字' },
    },
  },
  zoom: { cloak: ['pageZoom'], audit: { 'zoom-200': { prefs: { pageZoom: 2 }, description: '页面缩放 200 %' } } },
  textOnly: { cloak: ['textOnly'], audit: { 'text-only': { prefs: { textOnly: true }, description: '纯文本 (text-only view)' } } },
  caption: { cloak: ['caption'] },
};
