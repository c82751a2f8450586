// Test-runner commands for the 无障碍浏览 tests (they run in Node, next to the browser):
//   'yidu-front'          brings the test's tab to the front, so real key presses and focus reach it while
//                         other test files run in other tabs;
//   'yidu-forced-colors'  emulates `forced-colors: active` (or `none`) where the browser supports it and
//                         answers whether it could.
export function a11yCommandsPlugin() {
  return {
    name: 'yidu-a11y-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'yidu-front' && command !== 'yidu-forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) return false;
      if (command === 'yidu-front') {
        await page.bringToFront();
        return true;
      }
      try {
        await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
        return true;
      } catch {
        return false;
      }
    },
  };
}
