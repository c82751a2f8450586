// 简→繁 on the demo report and on a page ten times its size, side by side in one run:
//   baseline  opencc-js's own path: build Converter({from:'cn',to:'tw'}) + HTMLConverter(...).convert(), with
//             opencc-js already loaded (its 1.2 MB script is not counted)
//   yidu      click 繁体 → page fully converted (converter and dictionary chunks fetched, built, page converted),
//             then 简体 (restore) and 繁体 again (repeat toggle). No hover before the click, so intent prefetch
//             is not in this path (as when a screen reader activates the button without moving focus to it);
//             a separate line shows the usual path of a mouse or keyboard: the pointer rests on 繁体 (or focus
//             reaches it) a moment before the click, so the chunks are fetched and the text converted ahead;
//             another a tap, where the pointer arrives as the finger touches, about 0.1 s before the click;
//             another a reader halfway down the page instead of at its top.
//             Restore and repeat are timed like the first: click → page shows the script → laid out. There is
//             no fixed wait in them; what the browser spends on the root's new `lang` (restyle, re-shaping, layout)
//             is in them, and printed on its own below them (the root's `lang` changed alone, nothing else).
// Every measurement ends when the converted page is laid out (a forced layout). "Text on screen" is when the
// first paragraph in the window shows its converted text: opencc-js shows nothing converted before its one
// task ends, so its text on screen comes with its whole page.
// The machine is shared and noisy: each yidu run is paired with the opencc-js run just before it, and the
// ratio printed is the median of the paired ratios.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const RUNS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Repeats the article `times` times (the 10× page). */
async function grow(page, times) {
  if (times === 1) return;
  await page.evaluate((n) => {
    const main = document.querySelector('#main');
    const copy = [...main.childNodes].map((c) => c.cloneNode(true));
    for (let i = 1; i < n; i++) main.append(...copy.map((c) => c.cloneNode(true)));
  }, times);
}

async function opencc(browser, url, times) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) => (r.url().startsWith(`${url}/dist/`) ? r.abort() : r.continue()));
  await page.goto(`${url}/demo/index.html`);
  await grow(page, times);
  await page.addScriptTag({ url: `${url}/node_modules/opencc-js/dist/umd/full.js` });
  const ms = await page.evaluate(() => {
    const t0 = performance.now();
    const conv = window.OpenCC.Converter({ from: 'cn', to: 'tw' });
    window.OpenCC.HTMLConverter(conv, document.documentElement, 'zh-CN', 'zh-TW').convert();
    void document.body.offsetHeight; // laid out (see yidu below)
    return performance.now() - t0;
  });
  const check = await page.evaluate(() => document.querySelector('#main').textContent);
  await page.close();
  return { ms, check };
}

/**
 * `hover`: ms between the pointer reaching 繁体 and the click (0: no hover). `scrolled`: the reader is halfway
 * down the page, not at its top. `onScreen`: when the first paragraph in the window showed its converted text
 * (yidu lays out what it writes in the same task, so that is when the reader can see it).
 */
async function yidu(browser, url, times, hover = 0, scrolled = false) {
  const page = await browser.newPage();
  await page.goto(`${url}/demo/index.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${url}/demo/index.html`);
  await page.waitForFunction(() => window.Yidu);
  await page.evaluate(() => window.Yidu.ready);
  await grow(page, times);
  const result = await page.evaluate(async (hover, scrolled) => {
    // The switch's two buttons, 简体 then 繁体, by place: their labels change language with the page (簡體 once
    // 繁体 is on, when the Traditional label chunk has come).
    const find = (label) => document.querySelector('yidu-zh-switch').shadowRoot.querySelectorAll('button')[label === '繁体' ? 1 : 0];
    // Both paths end when the converted page is laid out: yidu lays out between its slices (on a long page),
    // opencc-js once after its one long task, so stopping either clock before that layout would favour it.
    let t0 = 0;
    const time = async (label, script) => {
      const button = find(label);
      t0 = performance.now();
      button.click();
      await window.Yidu.zh.set(script);
      void document.body.offsetHeight;
      return performance.now() - t0;
    };
    if (scrolled) window.scrollTo(0, document.documentElement.scrollHeight / 2);
    let onScreen;
    const seen = [...document.querySelectorAll('#main p')].find((p) => p.getBoundingClientRect().bottom > 0 && p.textContent.length > 20);
    const mo = new MutationObserver(() => {
      onScreen = performance.now() - t0;
      mo.disconnect();
    });
    mo.observe(seen, { subtree: true, characterData: true });
    if (hover) {
      // The reader's intent: the pointer comes to rest on 繁体; the click comes a moment later.
      find('繁体').dispatchEvent(new PointerEvent('pointerenter'));
      await new Promise((r) => setTimeout(r, hover));
    }
    const first = await time('繁体', 'hant');
    const check = document.querySelector('#main').textContent;
    const restore = await time('簡體', 'hans');
    const repeat = await time('繁体', 'hant');
    await window.Yidu.zh.set('hans');
    // The browser's own share of a toggle: the root's new `lang` alone (no text changed), restyle and layout.
    // Every toggle pays it (the reader's font picks its glyphs by language), however the text is written.
    const html = document.documentElement;
    const lang = html.lang;
    const l0 = performance.now();
    html.lang = 'zh-TW';
    void document.body.offsetHeight;
    const langAlone = performance.now() - l0;
    html.lang = lang;
    void document.body.offsetHeight;
    return { first, restore, repeat, check, onScreen, langAlone };
  }, hover, scrolled);
  await page.evaluate(() => localStorage.clear());
  await page.close();
  return result;
}

/** Download per variant, gzip: yidu's converter and dictionary chunks next to opencc-js's own dictionaries. */
function sizes() {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('dist/.vite/manifest.json', root), 'utf8'));
  const gz = (file) => gzipSync(readFileSync(new URL(file, root)), { level: 9 }).length;
  const ours = (...srcs) => srcs.reduce((n, s) => n + gz(`dist/${manifest[s].file}`), 0);
  const theirs = (...names) => names.reduce((n, d) => n + gz(`node_modules/opencc-js/dist/esm-lib/dict/${d}.js`), 0);
  const st = ['CJK_Compatibility_Ideographs', 'STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'];
  const stage2 = { t: [], tw: ['TWVariantsPhrases', 'TWVariants'], hk: ['HKVariantsPhrases', 'HKVariants'], twp: ['TWPhrases', 'TWVariantsPhrases', 'TWVariants'], hkp: ['HKPhrases', 'HKVariantsPhrases', 'HKVariants'] };
  console.log('download, gzip (B): yidu converter + dictionary chunks | opencc-js dictionaries (its converter not counted)');
  for (const [v, extra] of Object.entries(stage2)) {
    const mine = ours('src/zh/index.ts', 'src/zh/generated/st.ts', ...(v === 't' ? [] : [`src/zh/generated/st-${v}.ts`]));
    const ref = theirs(...st, ...extra);
    console.log(`  简→繁 ${v.padEnd(4)} ${String(mine).padStart(8)} | ${String(ref).padStart(8)}   ${(mine / ref * 100).toFixed(0)} %`);
  }
  const ts = ours('src/zh/index.ts', 'src/zh/generated/ts.ts');
  const tsRef = theirs('CJK_Compatibility_Ideographs', 'TSPhrases', 'TSCharacters', 'TWVariantsRevPhrases', 'TWVariantsRev', 'TWPhrasesRev', 'HKVariantsRevPhrases', 'HKVariantsRev', 'HKPhrasesRev');
  console.log(`  繁→简 all ${String(ts).padStart(8)} | ${String(tsRef).padStart(8)}   (every variant's reverse tables in one chunk)`);
}

export default async function ({ browser, baseUrl }) {
  const f = (n) => n.toFixed(1).padStart(7);
  sizes();
  for (const [name, times] of [['demo report', 1], ['10× page', 10]]) {
    // Warm the HTTP cache and the browser once.
    await opencc(browser, baseUrl, times);
    await yidu(browser, baseUrl, times);
    const base = [];
    const ours = [];
    const hovered = [];
    const touched = [];
    const scrolled = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await opencc(browser, baseUrl, times));
      ours.push(await yidu(browser, baseUrl, times));
      hovered.push(await yidu(browser, baseUrl, times, 500));
      touched.push(await yidu(browser, baseUrl, times, 100));
      scrolled.push(await yidu(browser, baseUrl, times, 0, true));
    }
    const ratio = (runs) => median(runs.map((r, i) => base[i].ms / r.first));
    for (const runs of [ours, hovered, touched, scrolled]) {
      if (runs.some((r, i) => r.check !== base[i].check)) console.warn(`  (${name}: yidu's text differs from opencc-js HTMLConverter's)`);
    }
    const b = median(base.map((r) => r.ms));
    const first = median(ours.map((r) => r.first));
    const restore = median(ours.map((r) => r.restore));
    const repeat = median(ours.map((r) => r.repeat));
    const screen = (runs) => `${f(median(runs.map((r) => r.onScreen)))}   ${median(runs.map((r, i) => base[i].ms / r.onScreen)).toFixed(2)}× sooner`;
    console.log(`${name}, median of ${RUNS} runs (ms)`);
    console.log(`  opencc-js build + HTMLConverter.convert ${f(b)}   ×1.00 (nothing shows converted before its one task ends)`);
    console.log(`  yidu first 繁体, no hover or focus      ${f(first)}   ${ratio(ours).toFixed(2)}× faster`);
    console.log(`    text on screen converted             ${screen(ours)}`);
    console.log(`  yidu first 繁体, hovered 0.5 s before   ${f(median(hovered.map((r) => r.first)))}   ${ratio(hovered).toFixed(2)}× faster`);
    console.log(`  yidu first 繁体, touched 0.1 s before   ${f(median(touched.map((r) => r.first)))}   ${ratio(touched).toFixed(2)}× faster`);
    console.log(`  yidu first 繁体, reader halfway down    ${f(median(scrolled.map((r) => r.first)))}   ${ratio(scrolled).toFixed(2)}× faster`);
    console.log(`    text on screen converted             ${screen(scrolled)}`);
    console.log(`  yidu 简体 (restore)                      ${f(restore)}`);
    console.log(`  yidu 繁体 again (repeat toggle)           ${f(repeat)}`);
    console.log(`    of which the browser's, for the root's new lang alone ${f(median(ours.map((r) => r.langAlone)))}`);
  }
}
