/**
 * The one registry of reading modes an audit can check: name → the preferences that switch it on (on top
 * of the defaults). Each capability adds its own entries here when it lands; `all` means every entry.
 * `default` is the baseline: yidu closed, every preference at its default.
 */
import type { Prefs } from '../core/prefs.js';

export interface AuditMode {
  /** Preferences set for this mode, on top of the defaults. */
  readonly prefs: Readonly<Partial<Prefs>>;
  /** What a QA reader sees in the report. */
  readonly description: string;
}

export const AUDIT_MODES: Readonly<Record<string, AuditMode>> = Object.freeze({
  default: { prefs: {}, description: 'yidu closed: every preference at its default (the baseline)' },
  elder: { prefs: { elder: true }, description: '长者模式 (elder mode)' },
  large: { prefs: { fontSize: 'large' }, description: '文字大小 大 (large text)' },
  small: { prefs: { fontSize: 'small' }, description: '文字大小 小 (small text)' },
  'elder-large': { prefs: { elder: true, fontSize: 'large' }, description: '长者模式 with 文字大小 大' },
  hant: { prefs: { zh: 'hant' }, description: '繁体 (Traditional script, configured variant)' },
  'contrast-white-on-black': { prefs: { colors: 'white-on-black' }, description: '配色 黑底白字' },
  'contrast-black-on-white': { prefs: { colors: 'black-on-white' }, description: '配色 白底黑字' },
  'contrast-yellow-on-black': { prefs: { colors: 'yellow-on-black' }, description: '配色 黑底黄字' },
  'contrast-black-on-yellow': { prefs: { colors: 'black-on-yellow' }, description: '配色 黄底黑字' },
  'contrast-white-on-blue': { prefs: { colors: 'white-on-blue' }, description: '配色 蓝底白字' },
  'zoom-200': { prefs: { pageZoom: 2 }, description: '页面缩放 200 %' },
  'text-only': { prefs: { textOnly: true }, description: '纯文本 (text-only view)' },
});

export const BASELINE_MODE = 'default';

export class UnknownModeError extends Error {
  readonly code = 'unknown-mode';
}

/**
 * Turns what a user typed (`"elder,large"`, `["elder"]`, `"all"`, `"contrast-*"`) into known mode names,
 * baseline first, each once. Unknown names throw one error that lists the known ones.
 */
export function resolveModes(spec: string | readonly string[] | undefined): string[] {
  const known = Object.keys(AUDIT_MODES);
  const asked = (spec === undefined ? ['all'] : typeof spec === 'string' ? spec.split(',') : [...spec])
    .map((s) => String(s).trim())
    .filter(Boolean);
  const picked = new Set<string>([BASELINE_MODE]);
  const unknown: string[] = [];
  for (const name of asked.length ? asked : ['all']) {
    if (name === 'all') known.forEach((k) => picked.add(k));
    else if (name.includes('*')) {
      const re = new RegExp(`^${name.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      const hits = known.filter((k) => re.test(k));
      if (hits.length) hits.forEach((k) => picked.add(k));
      else unknown.push(name);
    } else if (Object.hasOwn(AUDIT_MODES, name)) picked.add(name);
    else unknown.push(name);
  }
  if (unknown.length) {
    throw new UnknownModeError(
      `unknown audit mode${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. ` +
        `Known modes: ${known.join(', ')} (or "all").`,
    );
  }
  return known.filter((k) => picked.has(k));
}
