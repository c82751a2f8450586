// What a page downloads from yidu before any interaction: the loader, the module entry and its static
// imports (read from Vite's manifest). Lazy chunks are excluded by construction.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET = 20 * 1024;

export function firstLoad(dist) {
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8'));
  const files = new Set(['yidu.js']);
  const visit = (key) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const dep of entry.imports ?? []) visit(dep);
  };
  visit('src/index.ts');
  const sizes = [...files].map((file) => ({ file, gzip: gzipSync(readFileSync(`${dist}/${file}`)).length }));
  return { files: sizes, total: sizes.reduce((n, f) => n + f.gzip, 0) };
}
