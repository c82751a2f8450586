// Test-only network conditions for @web/test-runner. A test loads its page under `/fresh/<token>/…` (served
// as `/…`), so the browser fetches yidu and its chunks anew for that page alone, and can arm a failure or a
// delay for the next request(s) under that token: what readers see on a slow or failing network, without
// touching tests that run at the same time.
const FRESH = /^\/fresh\/[\w-]+(\/.*)$/;
const armed = [];

/** The plugin: `executeServerCommand('yidu-network-fault', { prefix, status?, delay?, times? })`. */
export function networkFaults() {
  return {
    name: 'yidu-network-faults',
    executeCommand({ command, payload }) {
      if (command !== 'yidu-network-fault') return undefined;
      armed.push({ times: 1, delay: 0, status: 0, ...payload });
      return true;
    },
  };
}

/** The middleware: applies armed faults, then serves `/fresh/<token>/path` as `/path`. */
export async function networkFaultMiddleware(ctx, next) {
  const fresh = FRESH.exec(ctx.path);
  if (!fresh) return next();
  const fault = armed.find((f) => ctx.path.startsWith(f.prefix));
  if (fault) {
    if (--fault.times <= 0) armed.splice(armed.indexOf(fault), 1);
    if (fault.delay) await new Promise((r) => setTimeout(r, fault.delay));
    if (fault.status) {
      ctx.status = fault.status;
      ctx.set('cache-control', 'no-store');
      ctx.body = 'network fault armed by a test';
      return undefined;
    }
  }
  ctx.url = fresh[1] + (ctx.querystring ? `?${ctx.querystring}` : '');
  return next();
}
