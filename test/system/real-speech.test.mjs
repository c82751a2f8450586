// Real-speech smoke test: the demo page in Chromium and Firefox with speech-dispatcher and the espeak-ng voices, the way
// a Linux reader has it. 连读 must pick a Mandarin voice, and the real engine's start and end events must
// carry the reading from piece to piece until the reader stops it. The fake engine in
// test/a11y-speech.test.ts covers everything else deterministically.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, appendFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as puppeteer from 'puppeteer-core';
import { ensureTools } from '../../scripts/system-tools.mjs';
import { serve } from '../../scripts/static-server.mjs';

const { chromium, firefox } = ensureTools();
let home;
let server;
let url;

before(async () => {
  // A speech-dispatcher of our own (its socket and settings under a temporary home), sending audio to
  // libao's null driver: CI machines have no sound card, and without one the engine never reports an end.
  home = mkdtempSync(join(tmpdir(), 'yidu-speech-'));
  const conf = join(home, '.config/speech-dispatcher');
  cpSync('/etc/speech-dispatcher', conf, { recursive: true });
  appendFileSync(join(conf, 'speechd.conf'), '\nAudioOutputMethod "libao"\n');
  writeFileSync(join(home, '.libao'), 'default_driver=null\n');
  ({ server, url } = await serve());
});

after(() => {
  server?.close();
  try {
    execFileSync('pkill', ['-f', `speech-dispatcher.*${home}`]);
  } catch { /* already gone */ }
  rmSync(home, { recursive: true, force: true });
});

/** Watches the page's real utterances (observation only: the page's own handlers run as before). */
const RECORD = () => {
  const events = [];
  Object.defineProperty(window, '__speech', { value: events });
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (u) => {
    for (const type of ['start', 'end', 'error']) {
      u.addEventListener(type, (e) => events.push({ type, text: u.text, voice: u.voice?.lang ?? null, error: e.error ?? null }));
    }
    speak(u);
  };
};

// Chromium speaks through speech-dispatcher only with this flag; Firefox on Linux always does.
const BROWSERS = {
  chromium: () => ({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-speech-dispatcher'] }),
  firefox: () => ({ browser: 'firefox', executablePath: firefox }),
};

const only = process.env.YIDU_BROWSERS?.split(',');
for (const [name, options] of Object.entries(BROWSERS).filter(([n]) => !only || only.includes(n))) {
test(`${name}: 连读 with real speech: a Mandarin voice, start and end events carry the reading on, Esc stops it`, { timeout: 120000 }, async () => {
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_RUNTIME_DIR: home };
  const browser = await puppeteer.launch({ ...options(), headless: true, env });
  try {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(RECORD);
    await page.goto(`${url}/demo/index.html`);
    await page.locator('::-p-text(无障碍浏览)').click();
    // speech-dispatcher starts on the first request and lists its voices a moment later: until then 连读 says
    // there is no voice (aria-disabled), and it turns on when the browser reports them.
    await page.waitForFunction(() => {
      const read = [...document.querySelector('yidu-a11y-bar')?.shadowRoot?.querySelectorAll('button') ?? []]
        .find((b) => b.textContent.trim() === '连读');
      return read?.getAttribute('aria-disabled') === 'false';
    }, { timeout: 30000 });
    await page.locator('::-p-text(连读)').click();
    await page.waitForFunction(() => window.__speech.filter((e) => e.type === 'end').length >= 3, { timeout: 60000 });
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 500));
    const events = await page.evaluate(() => window.__speech);
    const settled = events.length;
    await new Promise((r) => setTimeout(r, 1000));
    const later = await page.evaluate(() => window.__speech.length);
    const article = await page.evaluate(() => document.querySelector('#main').textContent.replace(/\s+/g, ''));

    assert.deepEqual(events.filter((e) => e.type === 'error' && e.error !== 'interrupted' && e.error !== 'canceled'), []);
    const ended = events.filter((e) => e.type === 'end');
    const started = events.filter((e) => e.type === 'start');
    assert.ok(started.length >= 3 && ended.length >= 3, `start/end events: ${JSON.stringify(events.slice(0, 8))}`);
    // Each piece started before it ended, and the next piece began only after the previous one ended.
    const order = events.filter((e) => e.type !== 'error').map((e) => `${e.type}:${e.text}`);
    for (let i = 0; i < 3; i++) {
      assert.equal(order[2 * i], `start:${ended[i].text}`);
      assert.equal(order[2 * i + 1], `end:${ended[i].text}`);
    }
    // The pieces are the article's text (data-content="#main"), in order, each a voice reading Chinese (Mandarin for zh-CN).
    let at = 0;
    for (const e of ended.slice(0, 3)) {
      const piece = e.text.replace(/\s+/g, '');
      const found = article.indexOf(piece, at);
      assert.ok(found >= 0, `"${e.text}" is not the article's next text`);
      at = found + piece.length;
      assert.equal(e.voice, 'cmn', `voice for "${e.text}"`);
    }
    // Esc stopped the reading: nothing more is spoken.
    assert.equal(later, settled, 'speech went on after Esc');
    assert.equal(await page.evaluate(() => speechSynthesis.speaking), false);
  } finally {
    await browser.close();
  }
});
}
