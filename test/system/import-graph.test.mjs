// The import graph of src/ (npm run graph): no cycle, and no import pointing up the layers
// core ← effects ← features ← elements ← entry (docs/architecture.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, layerOf } from '../../scripts/import-graph.mjs';

const { files, edges, cycles, upward, missing } = analyse();

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
