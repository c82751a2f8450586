// Test-only command for @web/test-runner. Tests run side by side in several tabs of one browser, and only the
// tab in front gets real key presses with their default actions (Firefox activates no button from a
// background tab) and runs rendering steps. A keyboard test takes the foreground for its duration:
//   await executeServerCommand('yidu-foreground', { take: true });  …  ({ take: false })
// One test per browser holds it at a time (others wait their turn, so two keyboard tests never take the
// front from each other); a holder that never gives it back loses it after a minute.
const holders = new Map();

export function foreground() {
  return {
    name: 'yidu-foreground',
    async executeCommand({ command, payload, session }) {
      if (command !== 'yidu-foreground') return undefined;
      const browser = session.browser.name;
      const held = () => holders.get(browser);
      if (!payload?.take) {
        if (held()?.session === session.id) holders.delete(browser);
        return true;
      }
      while (held() && held().session !== session.id && held().until > Date.now()) {
        await new Promise((r) => setTimeout(r, 50));
      }
      holders.set(browser, { session: session.id, until: Date.now() + 60_000 });
      await session.browser.getPage(session.id).bringToFront();
      return true;
    },
  };
}
