// How much of a phone's first screen yidu takes on the demo report (360 × 640, touch): the inserted
// toolbar, in 长者模式, and with the 无障碍浏览 bar open. Baseline: the whole screen (640 px).
const SCREEN = { width: 360, height: 640, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function measure(browser, url, prefs) {
  const page = await browser.newPage();
  await page.setViewport(SCREEN);
  await page.goto(`${url}/demo/auto.html`);
  await page.waitForFunction(() => window.Yidu);
  const px = await page.evaluate(async (prefs) => {
    await window.Yidu.ready;
    window.Yidu.prefs.reset();
    window.Yidu.prefs.set(prefs);
    await new Promise((r) => setTimeout(r, 500));
    const toolbar = document.querySelector('yidu-toolbar').getBoundingClientRect().height;
    const bar = document.querySelector('yidu-a11y-bar')?.getBoundingClientRect().height ?? 0;
    return { toolbar, bar };
  }, prefs);
  await page.evaluate(() => window.Yidu.prefs.reset());
  await page.close();
  return px;
}

export default async function ({ browser, baseUrl }) {
  const rows = [
    ['toolbar', {}],
    ['toolbar, 长者模式', { elder: true }],
    ['无障碍浏览 bar open', { a11yBar: true }],
    ['bar open, 长者模式', { a11yBar: true, elder: true }],
  ];
  console.log(`yidu's height on a ${SCREEN.width} × ${SCREEN.height} phone (px; share of the screen)`);
  console.log(`  screen                      ${String(SCREEN.height).padStart(5)}   ×1.00`);
  for (const [name, prefs] of rows) {
    const { toolbar, bar } = await measure(browser, baseUrl, prefs);
    const h = prefs.a11yBar ? bar : toolbar;
    console.log(`  ${name.padEnd(26)}  ${h.toFixed(0).padStart(5)}   ×${(h / SCREEN.height).toFixed(2)}`);
  }
}
