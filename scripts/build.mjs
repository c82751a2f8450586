// npm run build: the site bundle (dist/yidu.js + dist/yidu.mjs + lazy chunks), the npm module
// (dist/npm, Lit kept external), type declarations, the custom-elements manifest, and the first-load budget.
import { build } from 'vite';
import { transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { firstLoad, FIRST_LOAD_BUDGET } from './first-load.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __YIDU_VERSION__: JSON.stringify(pkg.version) };
const quiet = { logLevel: 'warn', configFile: false, root };

rmSync(`${root}dist`, { recursive: true, force: true });

// 1. What a site serves: everything bundled (Lit included), lazy features as separate chunks.
await build({
  ...quiet,
  define,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    manifest: true,
    minify: true,
    modulePreload: false,
    // An app-style build (not library mode) so whitespace is minified too; the entry keeps its exports.
    rollupOptions: {
      input: 'src/index.ts',
      // 'allow-extension': lazy chunks import shared code from yidu.mjs itself, so the first load stays one module.
      preserveEntrySignatures: 'allow-extension',
      output: { entryFileNames: 'yidu.mjs', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

// 2. What npm users import: same code, Lit left to their bundler so the page has one copy.
await build({
  ...quiet,
  define,
  build: {
    outDir: 'dist/npm',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: { external: [/^lit($|\/)/, /^@lit\//] },
  },
});

// 3. The classic-script loader.
const loader = await transform(readFileSync(`${root}src/loader/yidu-loader.js`, 'utf8'), {
  minify: true,
  target: 'es2020',
  charset: 'utf8',
});
writeFileSync(`${root}dist/yidu.js`, loader.code);

// 4. Type declarations and the custom-elements manifest.
execFileSync('npx', ['tsc', '-p', '.', '--emitDeclarationOnly'], { cwd: root, stdio: 'inherit' });
execFileSync('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});

// 5. The first-load budget fails the build.
const { files, total } = firstLoad(`${root}dist`);
for (const f of files) console.log(`  ${f.file.padEnd(28)} ${String(f.gzip).padStart(6)} B gzip`);
console.log(`first load: ${total} B gzip (budget ${FIRST_LOAD_BUDGET} B)`);
if (total > FIRST_LOAD_BUDGET) {
  console.error(`first-load budget exceeded by ${total - FIRST_LOAD_BUDGET} B`);
  process.exit(1);
}
mkdirSync(`${root}dist`, { recursive: true });
