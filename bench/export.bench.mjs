// 下载Word and 下载PDF on the demo report: time from the click to the finished file (the `yidu-export`
// event, cancelled so nothing is saved), first click (library chunk and font loaded) and then warm, next to a
// baseline measured in the same run: cloning and serialising the article, the least any export must do.
// Budgets (Chromium): .docx ≤ 300 ms, PDF ≤ 1.5 s with the font cached.
const RUNS = 7;
const BUDGET = { docx: 300, pdf: 1500 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeExport(page, format) {
  return page.evaluate(
    (format) =>
      new Promise((resolve, reject) => {
        const host = document.querySelector(`yidu-download[format=${format}]`);
        const t0 = performance.now();
        const timer = setTimeout(() => reject(new Error(`no ${format} file after 60 s`)), 60000);
        document.addEventListener(
          'yidu-export',
          (e) => {
            e.preventDefault();
            clearTimeout(timer);
            resolve({ ms: performance.now() - t0, bytes: e.detail.blob.size });
          },
          { once: true },
        );
        host.shadowRoot.querySelector('button').click();
      }),
    format,
  );
}

async function waitIdle(page, format) {
  await page.waitForFunction(
    (format) => document.querySelector(`yidu-download[format=${format}]`).shadowRoot.querySelector('button').getAttribute('aria-busy') === 'false',
    {},
    format,
  );
}

export default async function ({ browser, baseUrl }) {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/demo/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.Yidu !== undefined);
  await page.evaluate(() => window.Yidu.ready);

  const baseline = await page.evaluate((runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const copy = document.querySelector('#main').cloneNode(true);
      new XMLSerializer().serializeToString(copy);
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  }, RUNS);

  const results = {};
  for (const format of ['docx', 'pdf']) {
    const first = await timeExport(page, format);
    await waitIdle(page, format);
    const warm = [];
    let bytes = first.bytes;
    for (let i = 0; i < RUNS; i++) {
      const r = await timeExport(page, format);
      await waitIdle(page, format);
      warm.push(r.ms);
      bytes = r.bytes;
    }
    results[format] = { first: first.ms, warm: median(warm), bytes };
  }
  await page.close();

  const f = (n) => n.toFixed(1).padStart(8);
  console.log(`demo report export, median of ${RUNS} warm runs (ms)`);
  console.log(`  clone + serialise the article (baseline) ${f(baseline)}   ×1`);
  let over = false;
  for (const [format, r] of Object.entries(results)) {
    const ok = r.warm <= BUDGET[format];
    over ||= !ok;
    console.log(`  ${format.padEnd(4)} first click (chunk${format === 'pdf' ? ' + font' : ''} load)     ${f(r.first)}`);
    console.log(`  ${format.padEnd(4)} warm                              ${f(r.warm)}   ×${(r.warm / baseline).toFixed(0)}   ` +
      `budget ${BUDGET[format]} ms ${ok ? 'ok' : 'EXCEEDED'}   ${(r.bytes / 1024).toFixed(0)} KB`);
  }
  if (over) throw new Error('export over its time budget');
}
