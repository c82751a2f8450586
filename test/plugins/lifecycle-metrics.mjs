// Test-runner commands for test/lifecycle.test.ts. The lifecycle fixture runs in a page of its own browser
// context (so its own renderer process in Chromium: no other test tab shares its counters), driven from here:
//   'yidu-lifecycle' { action: 'open', url }    → an id, once yidu is ready in the new page
//   'yidu-lifecycle' { action: 'cycle', id, n } → the fixture's counts after n more toggle cycles
//   'yidu-lifecycle' { action: 'measure', id }  → the fixture's counts, plus in Chromium (DevTools protocol),
//        after forced garbage collection: JSEventListeners, Nodes, JSHeapUsedSize, Documents
//   'yidu-lifecycle' { action: 'close', id }
// A command must answer within 20 s: the test asks for its toggle cycles in slices.
const pages = new Map();
let next = 0;

export function lifecycleMetricsPlugin() {
  return {
    name: 'yidu-lifecycle',
    async executeCommand({ command, payload, session }) {
      if (command !== 'yidu-lifecycle') return undefined;
      const { action, id } = payload;
      if (action === 'open') {
        const runner = session.browser.getPage(session.id);
        const context = await runner.browser().createBrowserContext();
        const page = await context.newPage();
        await page.goto(payload.url, { waitUntil: 'load' });
        await page.waitForFunction(() => window.Yidu !== undefined, { timeout: 15000 });
        await page.evaluate(() => window.Yidu.ready);
        pages.set(++next, { page, context });
        return next;
      }
      const entry = pages.get(id);
      if (!entry) throw new Error(`no lifecycle page ${id}`);
      const { page, context } = entry;
      if (action === 'cycle') return page.evaluate((n) => window.lifecycle.cycle(n), payload.n);
      if (action === 'measure') {
        const counts = await page.evaluate(() => window.lifecycle.counts());
        if (page.browser().protocol !== 'cdp') return { counts, metrics: null };
        const cdp = await page.createCDPSession();
        try {
          for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('Performance.enable');
          const { metrics } = await cdp.send('Performance.getMetrics');
          const wanted = ['JSEventListeners', 'Nodes', 'JSHeapUsedSize', 'Documents'];
          return { counts, metrics: Object.fromEntries(metrics.filter((m) => wanted.includes(m.name)).map((m) => [m.name, m.value])) };
        } finally {
          await cdp.detach();
        }
      }
      if (action === 'errors') return page.evaluate(() => window.lifecycle.errors());
      if (action === 'close') {
        pages.delete(id);
        await context.close();
        return true;
      }
      throw new Error(`unknown lifecycle action ${action}`);
    },
  };
}
