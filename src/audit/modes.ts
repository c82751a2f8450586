/**
 * The reading modes an audit can check: name → the preferences that switch it on (on top of the defaults).
 * Each mode brings its presets in the registry (src/core/mode-extras.ts); `all` means every entry. `default`
 * is the baseline: yidu closed, every preference at its default.
 */
import { MODE_EXTRAS, type AuditPreset } from '../core/mode-extras.js';

export type AuditMode = AuditPreset;

export const AUDIT_MODES: Readonly<Record<string, AuditMode>> = Object.freeze(Object.assign(
  { default: { prefs: {}, description: 'yidu closed: every preference at its default (the baseline)' } },
  ...Object.values(MODE_EXTRAS).map((m) => m?.audit),
));

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
    } else if (Object.prototype.hasOwnProperty.call(AUDIT_MODES, name)) picked.add(name);
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
