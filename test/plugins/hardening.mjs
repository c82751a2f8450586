// Test-only server side of the hardening tests (test/csp-all, requests, isolation, bad-input):
// - every request made for a page loaded under `/fresh/<token>/…` is logged (by its path, or by a Referer
//   under that token for anything it asks for with an absolute path), and the tests read the log back;
// - demo pages requested with `?record` get the recorders (test/fixtures/capture.js: console and CSP
//   violations; hardening/resources.js: resource entries) and the
//   fake speech engine as the first scripts of their <head>: external files, so a strict CSP allows them;
// - `?hostile` adds test/fixtures/hardening/hostile.css after the site's own stylesheet;
// - `?sitelit` adds a site script that creates its own "lit-html" policy first (a site that runs Lit too);
// - `?tt=<names>` sets the strict policy's `trusted-types` directive to those names (`?tt=` leaves it out).
import { CSP } from '../../scripts/static-server.mjs';

const TOKEN = /\/fresh\/([\w-]+)\//;
const log = new Map();

/** Logs the request under its page's token (first in the middleware chain, before `/fresh/` is rewritten). */
export async function requestLog(ctx, next) {
  const token = TOKEN.exec(ctx.path)?.[1] ?? TOKEN.exec(new URL(ctx.get('referer') || 'http://x/').pathname)?.[1];
  if (token) {
    if (!log.has(token)) log.set(token, []);
    log.get(token).push({ method: ctx.method, path: ctx.path, referer: ctx.get('referer') });
  }
  return next();
}

/** `executeServerCommand('yidu-requests', { token })`: what the server saw for that token. */
export function hardeningPlugin() {
  return {
    name: 'yidu-hardening',
    executeCommand({ command, payload }) {
      if (command !== 'yidu-requests') return undefined;
      return log.get(String(payload.token)) ?? [];
    },
  };
}

async function bodyText(ctx) {
  const body = ctx.body;
  if (typeof body === 'string') return body;
  const chunks = [];
  if (Buffer.isBuffer(body)) chunks.push(body);
  else for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Adds the recorder and fake speech engine to demo pages asked for with `?record`, and `?tt=` names. */
export async function demoRecorder(ctx, next) {
  await next();
  const query = new URLSearchParams(ctx.querystring);
  const tt = query.get('tt');
  if (tt !== null && query.has('csp') && /^[\w' -]*$/.test(tt)) {
    const base = CSP.replace(/; trusted-types [^;]*/, '');
    ctx.set('Content-Security-Policy', tt ? `${base}; trusted-types ${tt}` : base);
  }
  if (!query.has('record') || !ctx.path.startsWith('/demo/') || !ctx.path.endsWith('.html')) return;
  const html = await bodyText(ctx);
  const site = query.has('sitelit') ? '<script src="../test/fixtures/hardening/site-lit-policy.js"></script>' : '';
  const hostile = query.has('hostile') ? '<link rel="stylesheet" href="../test/fixtures/hardening/hostile.css"></head>' : '</head>';
  ctx.body = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  <script src="../test/fixtures/capture.js"></script>' +
    '<script src="../test/fixtures/hardening/resources.js"></script>' +
    `<script src="../test/fixtures/hardening/fake-speech.js"></script>${site}`).replace('</head>', hostile);
}
