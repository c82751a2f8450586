// Navigation → page ready on the demo report: without yidu (baseline, the script request blocked), with
// yidu for a new reader, and for a returning reader with 大 + 长者模式 saved (page hidden until applied).
const RUNS = 7;

async function measure(browser, url, { block = false, saved = null } = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.goto(`${url}/demo/en.html`);
    await page.evaluate((s) => (s ? localStorage.setItem('yidu:prefs', s) : localStorage.clear()), saved);
    if (block) {
      await page.setRequestInterception(true);
      page.on('request', (r) => (r.url().includes('/dist/') ? r.abort() : r.continue()));
    }
    const t0 = performance.now();
    await page.goto(`${url}/demo/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => (window.Yidu ? window.Yidu.ready : null));
    times.push(performance.now() - t0);
    await page.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

export default async function ({ browser, baseUrl }) {
  const plain = await measure(browser, baseUrl, { block: true });
  const fresh = await measure(browser, baseUrl);
  const returning = await measure(browser, baseUrl, {
    saved: JSON.stringify({ v: 1, prefs: { fontSize: 'large', elder: true, zh: 'auto' } }),
  });
  const f = (n) => n.toFixed(0);
  console.log(`navigation → ready, median of ${RUNS} runs (ms)`);
  console.log(`  page without yidu          ${f(plain).padStart(6)}   ×1.00`);
  console.log(`  with yidu, new reader      ${f(fresh).padStart(6)}   ×${(fresh / plain).toFixed(2)}`);
  console.log(`  returning reader 大+长者    ${f(returning).padStart(6)}   ×${(returning / plain).toFixed(2)}`);
}
