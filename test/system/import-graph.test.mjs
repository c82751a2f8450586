// The import graph of src/ (npm run graph): no cycle, and no import pointing up the layers
// core ← effects ← features ← elements ← entry (docs/architecture.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { analyse, layerOf, FUNCTIONS_DIR } from '../../scripts/import-graph.mjs';

const { files, edges, cycles, upward, missing, functionFolders, unfound, byName } = analyse();

test('the graph is read: every source file, and each relative import resolves to one of them', () => {
  assert.ok(files.length > 50, `${files.length} files`);
  assert.ok(edges.some((e) => e.kind === 'dynamic'), 'lazy chunks are dynamic imports');
  assert.deepEqual(missing, []);
});

test('no import cycle (static, dynamic or type-only)', () => {
  assert.deepEqual(cycles.map((c) => c.join(' → ')), []);
});

test('no import points up a layer', () => {
  assert.deepEqual(upward.map((e) => `${e.from} → ${e.to}`), []);
});

test('the layers are where the architecture says', () => {
  assert.equal(layerOf('core/prefs.ts'), 'core');
  assert.equal(layerOf('i18n/strings.ts'), 'core');
  assert.equal(layerOf('effects/typography.ts'), 'effects');
  assert.equal(layerOf('zh/page.ts'), 'features');
  assert.equal(layerOf('assistive-bar/boot.ts'), 'features');
  assert.equal(layerOf('elements/a11y-bar/yidu-a11y-bar.ts'), 'elements');
  assert.equal(layerOf('yidu.ts'), 'entry');
  assert.equal(layerOf('cli/yidu.ts'), 'entry');
});

// Adding a function to the 无障碍浏览 bar is one new folder plus its registry line (docs/architecture.md).
test('every bar function folder is found by the bar, none is imported by name', () => {
  const names = functionFolders.map((d) => d.slice(FUNCTIONS_DIR.length, -1));
  for (const name of ['caption', 'colors', 'cursor', 'guide', 'speech', 'text-only', 'zoom']) assert.ok(names.includes(name), name);
  assert.deepEqual(unfound, [], 'a folder without an index.ts the glob finds');
  assert.deepEqual(byName.map((e) => `${e.from} → ${e.to}`), [], 'found by the glob only, never imported by name');
  // The glob is read from the one file that finds them, so a new folder needs no line anywhere else.
  assert.deepEqual([...new Set(edges.filter((e) => e.kind === 'glob').map((e) => e.from))], ['assistive-bar/bar-functions.ts']);
  for (const d of functionFolders) {
    assert.match(readFileSync(new URL(`../../src/${d}index.ts`, import.meta.url), 'utf8'), /^export default /m, `${d}index.ts exports its descriptor`);
  }
});

test('every bar function has its words in zh-Hans, zh-Hant and en, with the same keys in each', async () => {
  for (const d of functionFolders) {
    const source = readFileSync(new URL(`../../src/${d}words.ts`, import.meta.url), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const { WORDS } = await import(`data:text/javascript,${encodeURIComponent(js)}`);
    assert.deepEqual(Object.keys(WORDS), ['zh-Hans', 'zh-Hant', 'en'], d);
    const keys = Object.keys(WORDS['zh-Hans']).sort();
    for (const lang of ['zh-Hant', 'en']) assert.deepEqual(Object.keys(WORDS[lang]).sort(), keys, `${d}words.ts: ${lang}`);
  }
});
