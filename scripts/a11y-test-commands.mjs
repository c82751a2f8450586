// Test-runner commands for the 无障碍浏览 tests (they run in Node, next to the browser):
//   'yidu-forced-colors'  emulates `forced-colors: active` (or `none`) where the browser supports it and
//                         answers whether it could.
//   'yidu-touch'          makes the page a touch phone (coarse pointer, touch events, no hover) or undoes it
//                         (`{ on }`); Chromium only (answers false elsewhere).
const sessions = new WeakMap();

export function a11yCommandsPlugin() {
  return {
    name: 'yidu-a11y-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'yidu-forced-colors' && command !== 'yidu-touch') return undefined;
      const page = session.browser.getPage?.(session.id);
      // Only the DevTools protocol (Chromium) can emulate it; WebDriver BiDi (Firefox) cannot.
      if (!page || page.browser().protocol !== 'cdp') return false;
      try {
        // Puppeteer's emulateMediaFeatures() refuses forced-colors; the DevTools protocol accepts it (Chromium only).
        // The session stays open: emulation ends when the session that set it detaches.
        let cdp = sessions.get(page);
        if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
        if (command === 'yidu-touch') {
          const on = !!payload?.on;
          // Touch emulation turns `pointer`/`any-pointer` coarse and `hover` none, as on a phone.
          await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: on, maxTouchPoints: on ? 5 : 1 });
          await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: on, configuration: 'mobile' });
          return true;
        }
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
        return true;
      } catch {
        return false;
      }
    },
  };
}
