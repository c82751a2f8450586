// npm run build: the site bundle (dist/yidu.js + dist/yidu.mjs + lazy chunks), the npm module
// (dist/npm, Lit kept external), the `yidu` command (dist/cli), type declarations, the custom-elements
// manifest, and the first-load budget.
import { build } from 'vite';
import { build as esbuild, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { firstLoad, FIRST_LOAD_BUDGET } from './first-load.mjs';
import { generate as generateZhDicts } from './zh/dict.mjs';
import { oldKernelFallbacksPlugin, privateMethodsPlugin, staticBlocksToFields } from './old-kernels-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __YIDU_VERSION__: JSON.stringify(pkg.version) };
const quiet = { logLevel: 'warn', configFile: false, root };

// The label keys a site may reword (config `labels`), for their lazy check (src/i18n/label-check.ts): read here
// from every label table (src/i18n/*strings.ts), so the check knows them without bringing the tables along.
const tableFiles = readdirSync(`${root}src/i18n`).filter((f) => /strings\.ts$/.test(f));
const tablesBundle = await esbuild({
  stdin: { contents: tableFiles.map((f, i) => `export * as t${i} from './${f}';`).join('\n'), resolveDir: `${root}src/i18n`, loader: 'ts' },
  bundle: true, format: 'esm', write: false, logLevel: 'warning',
});
const tableModules = await import(`data:text/javascript;base64,${Buffer.from(tablesBundle.outputFiles[0].text).toString('base64')}`);
// The copies' placeholders (PLACEHOLDER_STRINGS) follow the article's language and are not labels a site rewords.
const labelKeys = new Set(Object.values(tableModules).flatMap((m) => Object.entries(m)).filter(([name]) => name !== 'PLACEHOLDER_STRINGS').map(([, table]) => table)
  .flatMap((table) => ['zh-Hans', 'zh-Hant', 'en'].flatMap((lang) => (table?.[lang] && typeof table[lang] === 'object' ? Object.keys(table[lang]) : []))));
define.__YIDU_LABEL_KEYS__ = JSON.stringify([...labelKeys].sort());

// Vite wraps every dynamic import in a preload helper (~0.8 KB gzip in the first load) that preloads a chunk's
// own imports and CSS. Our chunks have neither (modulePreload is off, no CSS), so a plain call does the same:
// the helper becomes `load => load()`, then each `__vitePreload(() => import(x), __VITE_PRELOAD__)` becomes
// `import(x)` and the helper goes, with the entry's export of it and the lazy chunks' imports (−19 B gzip on the
// first load). Anything left that names the helper fails the build.
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const PRELOAD_CALL = /__vitePreload\(\s*\(\)\s*=>\s*(import\([^()]*\)(?:\.then\(\(?\w+\)?\s*=>\s*\w+(?:\.\w+)?\))?)\s*,\s*__VITE_PRELOAD__\s*\)/g;
const PRELOAD_HELPER_ITSELF = [
  /^var __vitePreload = \(load\) => load\(\);\n/m, // its definition (entry)
  /\b__vitePreload as [\w$]+, |, __vitePreload as [\w$]+(?= \};)/, // the entry's export
  /\b[\w$]+ as __vitePreload, |(?:, )?[\w$]+ as __vitePreload(?= \} from)/, // a chunk's import
];
const plainDynamicImports = {
  name: 'yidu:plain-dynamic-imports',
  enforce: 'pre',
  resolveId: (id) => (id === PRELOAD_HELPER ? id : null),
  load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null),
  renderChunk(code, chunk) {
    if (!code.includes('__vitePreload')) return null;
    const plain = PRELOAD_HELPER_ITSELF.reduce((c, re) => c.replace(re, ''), code.replace(PRELOAD_CALL, '$1'));
    if (plain.includes('__vitePreload')) this.error(`${chunk.fileName}: the preload helper in a shape scripts/build.mjs does not unwrap`);
    return { code: plain, map: null };
  },
};

// A small module shared by lazy chunks (the popover behaviour of 智能问答 and 二维码) is copied into each of them
// instead of split into a chunk of its own, which each would fetch only after itself: one more round trip.
const COPIED_INTO_EACH_CHUNK = ['/src/elements/popover.ts'];
const copyIntoEachChunk = {
  name: 'yidu:copy-into-each-chunk',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !source.startsWith('.')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || !COPIED_INTO_EACH_CHUNK.some((f) => resolved.id.endsWith(f))) return null;
    return `${resolved.id}?copy-for=${importer.split('/src/')[1]}`;
  },
};

// Lit's three packages read and write globals of the page: each pushes its version onto an array
// (`litHtmlVersions` and the like, read only by Lit's development build to warn about several copies), and each
// calls a hook a page may set for Lit's polyfill or SSR-hydration support scripts, which would patch yidu's copy
// (yidu never runs where those polyfills are needed, and renders nothing on a server). yidu's Lit is bundled on
// purpose and private: it leaves the page's globals alone (−161 B gzip on the first load).
const LIT_PAGE_GLOBALS = [
  /\(\w+\.(?:litHtml|reactiveElement|litElement)Versions\?\?=\[\]\)\.push\("[^"]*"\)/,
  /\w+\.(?:litHtml|reactiveElement|litElement)PolyfillSupport\b/,
  // The whole call: the minifier turns `void 0?.(x)` into `0(x)`, a TypeError.
  /\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/,
];
const litLeavesPageGlobals = {
  name: 'yidu:lit-leaves-page-globals',
  transform(code, id) {
    if (!/\/node_modules\/(?:lit-html|@lit\/reactive-element|lit-element)\/(?:lit-html|reactive-element|lit-element)\.js$/.test(id)) return null;
    const own = LIT_PAGE_GLOBALS.reduce((c, re) => c.replace(re, 'void 0'), code);
    return own === code ? null : { code: own, map: null };
  },
};

// Lit's css`…` blocks are shipped as written; squeeze their comments and whitespace out (first-load bytes).
const squeezeCss = {
  name: 'yidu:squeeze-lit-css',
  transform(code, id) {
    if (!id.includes('/src/') || !/\.ts$/.test(id) || !code.includes('css`')) return null;
    return code.replace(/css`([^`]*)`/g, (_, body) =>
      `css\`${body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .trim()}\``);
  },
};

// What a site serves must parse and run in Chromium 83 (domestic browsers and in-app WebViews still ship kernels
// that old; docs/browsers.md), dependencies included; Firefox and Safari from the releases with constructed stylesheets.
const SITE_TARGET = ['chrome83', 'firefox101', 'safari16.4'];
// Vite's own lowering (oxc) turns every class with fields into WeakMap helpers below Chromium 98 (+1.1 KB gzip
// on the first load). So Vite transforms to ES2022, esbuild lowers each chunk to SITE_TARGET before the minifier
// (whose own target keeps it from writing `??=` back), told that these kernels have class and private fields (74+;
// private methods and getters, 84+, are rewritten as fields first by privateMethodsPlugin) and optional chaining
// (80+; esbuild waits for 91 over a V8 bug with `?.` on private fields, which this code does not use).
const lowerForOldKernels = {
  name: 'yidu:lower-for-old-kernels',
  async renderChunk(code) {
    const out = await transform(staticBlocksToFields(code), {
      format: 'esm',
      target: SITE_TARGET,
      supported: { 'optional-chain': true, 'class-field': true, 'class-static-field': true, 'class-private-field': true, 'class-private-static-field': true },
      charset: 'utf8',
      legalComments: 'none', // as before this step (the licences ship in the package)
    });
    return { code: out.code, map: null };
  },
  // The minifier keeps annotation comments (tree-shaking is over by now: they are dead bytes).
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      // `return/* @__PURE__ */new X` must keep a space between the words.
      chunk.code = chunk.code.replace(/(.?)\/\*\s*[#@](?:__PURE__|vite-ignore)\s*\*\/\s*(.?)/g, (_, before, after) =>
        `${before}${/[\w$]/.test(before) && /[\w$]/.test(after) ? ' ' : ''}${after}`);
    }
  },
};

// Lit's html`…` templates keep their source indentation, and every page downloads the entry's. After minifying,
// the entry's only line breaks followed by indentation are inside those templates, where a run of white space
// renders as one space: collapse them (first-load bytes). Lazy chunks hold library code and are left alone.
const squeezeEntryTemplates = {
  name: 'yidu:squeeze-entry-templates',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = chunk.code.replace(/\n +/g, ' ');
  },
};

rmSync(`${root}dist`, { recursive: true, force: true });

// 0. The 简繁 dictionaries, generated from the opencc-js package (cached until opencc-js or the generator changes).
const zh = await generateZhDicts();
if (!zh.cached) console.log(`简繁 dictionary: ${zh.kept} of ${zh.phrases} phrase entries kept; ${zh.removed} left out, proven exact together`);

// 1. What a site serves: everything bundled (Lit included), lazy features as separate chunks.
await build({
  ...quiet,
  define,
  plugins: [plainDynamicImports, litLeavesPageGlobals, copyIntoEachChunk, squeezeCss, privateMethodsPlugin, oldKernelFallbacksPlugin, lowerForOldKernels, squeezeEntryTemplates],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    manifest: true,
    minify: false,
    // axe-core (the audit's lazy chunk, loaded only when someone audits) is ~650 KB by itself.
    chunkSizeWarningLimit: 800,
    modulePreload: false,
    // An app-style build (not library mode) so whitespace is minified too; the entry keeps its exports.
    rollupOptions: {
      input: 'src/index.ts',
      // 'allow-extension': lazy chunks import shared code from yidu.mjs itself, so the first load stays one module.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: 'yidu.mjs',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: { compress: { target: SITE_TARGET }, mangle: true, codegen: { removeWhitespace: true } },
      },
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
    rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^axe-core$/] },
  },
});

// 3. The classic-script loader. It imports nothing, so the preferences it hides the page for (`cloak` in the
// mode registry's src/core/mode-extras.ts, with their defaults from src/core/modes.ts) are written into it here.
const bundled = async (entry) => {
  const out = await esbuild({ entryPoints: [`${root}${entry}`], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
};
const { MODE_EXTRAS } = await bundled('src/core/mode-extras.ts');
const { FIELDS } = await bundled('src/core/modes.ts');
// `prefs.k === true` for a switch that is off by default, else `prefs.k && prefs.k !== default` (no default is falsy).
const cloakTest = Object.values(MODE_EXTRAS).flatMap((m) => m.cloak ?? []).map((k) => [k, FIELDS[k].default])
  .map(([k, d]) => (d === false ? `prefs.${k} === true` : `(prefs.${k} && prefs.${k} !== ${JSON.stringify(d)})`)).join(' || ');
const loader = await transform(readFileSync(`${root}src/loader/yidu-loader.js`, 'utf8').replace('__CLOAK_TEST__', `(${cloakTest})`), {
  minify: true,
  target: 'es2020',
  charset: 'utf8',
});
writeFileSync(`${root}dist/yidu.js`, loader.code);

// 4. The `yidu` command (Node; puppeteer-core is an optional peer dependency, the rest is bundled) and the report schemas.
execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
await esbuild({
  entryPoints: [`${root}src/cli/yidu.ts`],
  outfile: `${root}dist/cli/yidu.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  charset: 'utf8',
  external: ['puppeteer-core'],
  define,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
chmodSync(`${root}dist/cli/yidu.mjs`, 0o755);
copyFileSync(`${root}src/audit/audit-report.schema.json`, `${root}dist/audit-report.schema.json`);
copyFileSync(`${root}src/audit/site-report.schema.json`, `${root}dist/site-report.schema.json`);

// 5. Type declarations and the custom-elements manifest.
execFileSync('npx', ['tsc', '-p', '.', '--emitDeclarationOnly'], { cwd: root, stdio: 'inherit' });
execFileSync('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
// The analyzer lists modules in file-system order; sort them so the committed manifest changes only with the code.
const manifestFile = `${root}custom-elements.json`;
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

// 6. The demo's PDF font (OFL, covers 简 and 繁), served same-origin from dist/fonts/ like a site would.
const demoFont = `${root}node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf`;
if (existsSync(demoFont)) {
  mkdirSync(`${root}dist/fonts`, { recursive: true });
  copyFileSync(demoFont, `${root}dist/fonts/NotoSansSC-Regular.ttf`);
  copyFileSync(`${root}node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT`, `${root}dist/fonts/NotoSansSC-OFL.txt`);
}

// 6. The first-load budget fails the build.
const { files, total } = firstLoad(`${root}dist`);
for (const f of files) console.log(`  ${f.file.padEnd(28)} ${String(f.gzip).padStart(6)} B gzip`);
console.log(`first load: ${total} B gzip (budget ${FIRST_LOAD_BUDGET} B)`);
if (total > FIRST_LOAD_BUDGET) {
  console.error(`first-load budget exceeded by ${total - FIRST_LOAD_BUDGET} B`);
  process.exit(1);
}
mkdirSync(`${root}dist`, { recursive: true });
