// A small static file server for the demo and the benchmarks: the project folder, with the strict
// Content-Security-Policy a careful government site would send.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
// `trusted-types lit-html`: the one Trusted Types policy yidu creates (see docs/security.md).
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.png': 'image/png', '.jpg': 'image/jpeg', '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving; resolves to { server, url } once listening (port 0 picks a free one). */
export function serve({ port = 0, root = ROOT, csp = CSP } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    // Lazy chunks carry a content hash in their names, so they can be cached for good, as a site serves
    // them (README); everything else is checked again on every load.
    const hashed = /^\/dist\/chunks\/[\w.-]+-[\w-]{8}\.js$/.test(path);
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    resolve({ server, url: `http://localhost:${server.address().port}` });
  }));
}
