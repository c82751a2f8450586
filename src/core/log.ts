/**
 * Console messages. Every problem a site developer can fix gets exactly one message, prefixed so it is
 * easy to find, and never more than once per page for the same text.
 */
const PREFIX = '[yidu]';
const said = new Set<string>();

export function warn(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(`${PREFIX} ${message}`);
}

export function error(message: string, cause?: unknown): void {
  if (said.has(message)) return;
  said.add(message);
  if (cause === undefined) console.error(`${PREFIX} ${message}`);
  else console.error(`${PREFIX} ${message}`, cause);
}

/** A value as a message shows it: JSON, cut short (a stored 1 MB string must not become a 1 MB console line). */
export function shown(value: unknown): string {
  const s = String(JSON.stringify(value));
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
