/**
 * axe-core sets `window.axe` when it loads; the page keeps whatever it had there. Imported by run-audit.ts
 * before axe-core, so this module runs (and notes the page's own `axe`) first; run-audit.ts puts it back once
 * axe-core has loaded. Kept in the audit's chunk rather than around its import, so readers never download it.
 */
const pages = Object.getOwnPropertyDescriptor(window, 'axe');

export function keepPageAxe(): void {
  if (pages) Object.defineProperty(window, 'axe', pages);
  else delete (window as { axe?: unknown }).axe;
}
