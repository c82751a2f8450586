// `yidu audit` on a server without a Chinese font: one clear warning at the start, and the audit still runs.
// "No font" is simulated by pointing the search at an empty folder (YIDU_FONT_DIRS), or fontconfig at one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, tempDir, yidu } from './helpers.mjs';

const WARNING = 'warning: no Chinese (CJK) font found on this machine';
const warnings = (stderr) => stderr.split(WARNING).length - 1;
const AUDIT = ['audit', `${FIXTURES}/broken.html`, '--modes', 'elder', '--format', 'json'];

/** A folder holding (empty) font files with these names. */
function fontFolder(...names) {
  const dir = tempDir();
  mkdirSync(join(dir, 'truetype/family'), { recursive: true });
  for (const name of names) writeFileSync(join(dir, 'truetype/family', name), '');
  return dir;
}

test('no CJK font: one warning saying what to install, and the same audit as with one', async () => {
  // --quiet drops the progress lines, not this warning: it is all that is written to stderr.
  const without = await yidu([...AUDIT, '--quiet'], { env: { YIDU_FONT_DIRS: tempDir() } });
  assert.equal(without.stderr.trim().split('\n').length, 1, without.stderr);
  assert.equal(warnings(without.stderr), 1, without.stderr);
  assert.match(without.stderr, /^yidu audit: warning: .*empty boxes.*apt-get install fonts-noto-cjk/m);
  const withFont = await yidu(AUDIT);
  assert.equal(warnings(withFont.stderr), 0, withFont.stderr);
  assert.equal(without.code, withFont.code);
  const modes = (run) => JSON.parse(run.stdout).modes.map((m) => m.name);
  assert.deepEqual(modes(without), modes(withFont));
});

test('fontconfig is asked first: a machine whose fontconfig knows no Chinese font gets the warning', async () => {
  const dir = tempDir();
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>${fontFolder('DejaVuSans.ttf')}</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
  const run = await yidu(['audit', 'no-such-page.html'], { env: { FONTCONFIG_FILE: conf } });
  assert.equal(warnings(run.stderr), 1, run.stderr);
  assert.match(run.stderr, /no such file/);
});

test('a CJK font in the searched folders: no warning; a Latin-only font folder: the warning', async () => {
  for (const [names, expected] of [
    [['NotoSansCJK-Regular.ttc'], 0],
    [['DejaVuSans.ttf', 'wqy-zenhei.ttc'], 0],
    [['NotoSansSC-Regular.ttf'], 0],
    [['DejaVuSans.ttf', 'LiberationSerif-Bold.ttf'], 1],
  ]) {
    const run = await yidu(['audit', 'no-such-page.html'], { env: { YIDU_FONT_DIRS: fontFolder(...names) } });
    assert.equal(warnings(run.stderr), expected, `${names}: ${run.stderr}`);
  }
});

test('--help, --version and --list-modes check nothing', async () => {
  for (const args of [['audit', '--help'], ['--version'], ['audit', '--list-modes']]) {
    const run = await yidu(args, { env: { YIDU_FONT_DIRS: tempDir() } });
    assert.equal(run.code, 0);
    assert.equal(warnings(run.stderr), 0, run.stderr);
  }
});
