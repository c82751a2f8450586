/**
 * Where a site run's pages come from: URLs and local files on the command line, a `--urls` file, a
 * `--sitemap` (index and gzip included) or a `--crawl` (same origin, robots.txt, include/exclude globs).
 * The list is complete before any page is audited, so progress has a total, shards are stable and a resumed
 * run sees the same pages. Every problem with the input is a usage error (exit 2) with one sentence.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CliError } from '../errors.js';

/** One page to audit: `key` is what reports, fingerprints, shards and the state file know it by. */
export interface Target {
  /** A full URL for a page on the web; the path (`/news/1.html`) for a page under `--root`. */
  key: string;
  /** Where the browser loads it (a local page: relative to the local server's origin, filled in later). */
  url: string;
  local: boolean;
}

export interface TargetOptions {
  positionals: string[];
  urlsFile?: string;
  sitemap?: string;
  crawl?: string;
  maxPages: number;
  include: string[];
  exclude: string[];
  /** The folder local pages are served from. */
  root: string;
  /** --root was given: a sitemap's addresses are pages of that folder. */
  rootGiven: boolean;
  /** Longest wait for one sitemap, robots.txt or crawled page, in ms. */
  timeout: number;
}

const usage = (message: string) => new CliError('usage', message);

export async function collectTargets(o: TargetOptions): Promise<Target[]> {
  const found: Target[] = [];
  for (const p of o.positionals) found.push(target(p, o.root));
  if (o.urlsFile) {
    if (!existsSync(o.urlsFile) || !statSync(o.urlsFile).isFile()) throw usage(`--urls: no such file: ${o.urlsFile}.`);
    for (const line of readFileSync(o.urlsFile, 'utf8').split(/\r?\n/)) {
      const entry = line.trim();
      // A relative path in the list is relative to the list's own folder.
      if (entry && !entry.startsWith('#')) found.push(target(/^[a-z][a-z0-9+.-]*:/i.test(entry) ? entry : resolve(dirname(o.urlsFile), entry), o.root));
    }
  }
  if (o.sitemap) for (const loc of await sitemapLocations(o.sitemap, o, 0)) found.push(target(loc, o.root, o.rootGiven));
  if (o.crawl) found.push(...(await crawl(target(o.crawl, o.root), o)));
  const filter = globFilter(o.include, o.exclude);
  const seen = new Set<string>();
  const pages = found.filter((t) => {
    if (seen.has(t.key) || !filter(t.key)) return false;
    seen.add(t.key);
    return true;
  });
  if (pages.length === 0) throw usage('no pages to audit: the input named none, or --include/--exclude left none.');
  return pages;
}

/** A URL as is; a local path (or file: URL) served from --root. With `fromSitemap`, a URL is mapped into --root. */
export function target(entry: string, root: string, mapToRoot = false): Target {
  if (/^https?:\/\//i.test(entry)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw usage(`"${entry}" is not a valid URL.`);
    }
    url.hash = '';
    if (mapToRoot) return localTarget(url.pathname + url.search);
    return { key: url.href, url: url.href, local: false };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(entry) && !/^file:/i.test(entry) && !/^[a-z]:[\\/]/i.test(entry)) {
    throw usage(`only http(s) URLs and local files can be audited, not "${entry}".`);
  }
  const file = /^file:/i.test(entry) ? fileURLToPath(entry) : resolve(entry);
  if (!existsSync(file)) throw usage(`no such file: ${file}.`);
  const real = realpathSync(file);
  const path = relative(root, real);
  if (path.startsWith('..') || isAbsolute(path)) throw usage(`${real} is outside the site folder ${root} (set --root).`);
  const web = '/' + path.split(sep).map(encodeURIComponent).join('/');
  return localTarget(statSync(real).isDirectory() && !web.endsWith('/') ? `${web}/` : web);
}

function localTarget(path: string): Target {
  return { key: path, url: path, local: true };
}

/** Fetches a URL (or reads a file) with a time-out; any failure is the user's input problem (exit 2). */
async function read(source: string, what: string, timeout: number): Promise<Buffer> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(timeout), redirect: 'follow' });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      throw usage(`${what} ${source} is unreachable (${cause}).`);
    }
    if (!response.ok) throw usage(`${what} ${source} is unreachable: the server answered ${response.status}.`);
    return Buffer.from(await response.arrayBuffer());
  }
  const file = /^file:/i.test(source) ? fileURLToPath(source) : resolve(source);
  if (!existsSync(file) || !statSync(file).isFile()) throw usage(`${what} ${source}: no such file.`);
  return readFileSync(file);
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: (name) => name === 'url' || name === 'sitemap' });

async function sitemapLocations(source: string, o: TargetOptions, depth: number): Promise<string[]> {
  if (depth > 3) throw usage(`sitemap ${source}: sitemap indexes nested more than 3 deep.`);
  let bytes = await read(source, 'sitemap', o.timeout);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw usage(`sitemap ${source}: not a valid gzip file.`);
    }
  }
  const text = bytes.toString('utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw usage(`sitemap ${source} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  const doc = parser.parse(text) as { urlset?: { url?: { loc?: unknown }[] }; sitemapindex?: { sitemap?: { loc?: unknown }[] } };
  const locs = (list: { loc?: unknown }[] | undefined) => (list ?? []).map((e) => String(e.loc ?? '').trim()).filter(Boolean);
  if (doc.sitemapindex) {
    const out: string[] = [];
    for (const child of locs(doc.sitemapindex.sitemap)) {
      // A local sitemap index names its parts by their web address: read them from the same folder tree.
      const next = /^https?:/i.test(source) || !o.rootGiven ? child : resolve(o.root, '.' + new URL(child, 'http://x').pathname);
      out.push(...(await sitemapLocations(next, o, depth + 1)));
    }
    return out;
  }
  if (!doc.urlset) throw usage(`sitemap ${source} has neither <urlset> nor <sitemapindex>.`);
  return locs(doc.urlset.url);
}

/** `*` any characters but `/`, `**` anything, `?` one character; a pattern without `/` matches anywhere. */
export function globFilter(include: string[], exclude: string[]): (key: string) => boolean {
  const compile = (glob: string) => {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*')
      .replace(/\?/g, '.').replace(/\u0000/g, '.*');
    return new RegExp(glob.startsWith('/') || /^https?:/.test(glob) ? `^${body}$` : `(^|/)${body}$`);
  };
  const inc = include.map(compile);
  const exc = exclude.map(compile);
  return (key) => {
    const path = /^https?:/i.test(key) ? new URL(key).pathname + new URL(key).search : key;
    const test = (r: RegExp) => r.test(path) || r.test(key);
    return (inc.length === 0 || inc.some(test)) && !exc.some(test);
  };
}

// Links a crawler must never follow: signing out, or anything that is not a page to read.
const LOGOUT = /log-?out|log_out|sign-?out|signoff|exit\b|退出|注销|登出/i;
const NOT_PAGE = /\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|jpe?g|png|gif|svg|webp|mp[34]|avi|mov|wps|ofd|txt|xml|json|css|js)$/i;

/**
 * Breadth-first over `<a href>` links of the same origin, in document order, until --max-pages. Links inside
 * forms, `javascript:` links, downloads, rel=nofollow and logout-like links are never followed, so a crawl
 * never submits or signs out; robots.txt (`User-agent: *` or `yidu`) is obeyed.
 */
async function crawl(start: Target, o: TargetOptions): Promise<Target[]> {
  const base = start.local ? null : new URL(start.url);
  let origin = base?.origin ?? '';
  let server: { close(): void; closeAllConnections(): void } | undefined;
  if (start.local) {
    const { serveFolder } = await import('../file-server.js');
    const served = await serveFolder(o.root);
    server = served.server;
    origin = served.origin;
  }
  try {
    const robots = await robotsRules(origin, o.timeout);
    const filter = globFilter(o.include, o.exclude);
    const keyOf = (u: URL) => (start.local ? u.pathname + u.search : u.href);
    const first = new URL(start.url, origin);
    const queue: URL[] = [first];
    const seen = new Set([keyOf(queue[0]!)]);
    const out: Target[] = [];
    while (queue.length && out.length < o.maxPages) {
      const url = queue.shift()!;
      if (!robots(url.pathname + url.search)) continue;
      const key = keyOf(url);
      if (filter(key)) out.push(start.local ? localTarget(key) : { key, url: url.href, local: false });
      let html: string;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(o.timeout) });
        if (!response.ok && url === first) throw usage(`--crawl: ${start.key} answered ${response.status}.`);
        if (!response.ok || !/html/i.test(response.headers.get('content-type') ?? '')) continue;
        html = await response.text();
      } catch (e) {
        if (e instanceof CliError) throw e;
        if (url === first) throw usage(`--crawl: ${start.local ? start.key : start.url} is unreachable.`);
        continue;
      }
      for (const link of links(html, url)) {
        if (link.origin !== url.origin || seen.has(keyOf(link))) continue;
        seen.add(keyOf(link));
        queue.push(link);
      }
    }
    return out;
  } finally {
    server?.close();
    server?.closeAllConnections();
  }
}

/** `<a href>` targets of an HTML text, skipping forms, scripts, comments and links that are not for reading. */
export function links(html: string, base: URL): URL[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template|form)\b[\s\S]*?<\/\1\s*>/gi, '');
  const out: URL[] = [];
  const baseHref = /<base\s[^>]*href\s*=\s*("([^"]*)"|'([^']*)')/i.exec(text);
  const from = baseHref ? new URL(baseHref[2] ?? baseHref[3] ?? '', base) : base;
  for (const m of text.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const attrs = m[1]!;
    const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (!href) continue;
    const value = (href[2] ?? href[3] ?? href[4] ?? '').replace(/&amp;/g, '&').trim();
    if (!value || /^(javascript|mailto|tel|data):/i.test(value) || /\bdownload\b/i.test(attrs)) continue;
    if (/\brel\s*=\s*("[^"]*nofollow[^"]*"|'[^']*nofollow[^']*'|nofollow)/i.test(attrs)) continue;
    if (/\bonclick\s*=/i.test(attrs) && /submit/i.test(attrs)) continue;
    if (LOGOUT.test(value) || LOGOUT.test(m[2]!.replace(/<[^>]*>/g, ''))) continue;
    let url: URL;
    try {
      url = new URL(value, from);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol) || NOT_PAGE.test(url.pathname)) continue;
    url.hash = '';
    out.push(url);
  }
  return out;
}

/** robots.txt as a test of a path: the group for `yidu`, else `*`; the longest matching rule wins, Allow on a tie. */
async function robotsRules(origin: string, timeout: number): Promise<(path: string) => boolean> {
  let text = '';
  try {
    const response = await fetch(`${origin}/robots.txt`, { signal: AbortSignal.timeout(timeout) });
    if (response.ok) text = await response.text();
  } catch {
    /* no robots.txt: everything may be crawled */
  }
  return robotsTest(text);
}

export function robotsTest(text: string): (path: string) => boolean {
  const groups: { agents: string[]; rules: { allow: boolean; pattern: string }[] }[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([a-z-]+)\s*:\s*(.*)$/i.exec(line);
    if (!m) continue;
    const field = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else {
      lastWasAgent = false;
      if (current && (field === 'allow' || field === 'disallow') && value) current.rules.push({ allow: field === 'allow', pattern: value });
    }
  }
  const group = groups.find((g) => g.agents.includes('yidu')) ?? groups.find((g) => g.agents.includes('*'));
  const rules = (group?.rules ?? []).map((r) => ({
    ...r,
    regex: new RegExp('^' + r.pattern.replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\\\$$|\$$/, '$')),
  }));
  return (path) => {
    let best: { allow: boolean; pattern: string } | undefined;
    for (const r of rules) {
      if (!r.regex.test(path)) continue;
      if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
    }
    return best ? best.allow : true;
  };
}

/** `--shard i/n` (1-based) → whether a page belongs to it: by a hash of its key, so every machine agrees. */
export function parseShard(spec: string | undefined): { index: number; count: number } | undefined {
  if (spec === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw usage(`--shard takes i/n with 1 ≤ i ≤ n (e.g. 1/4), not "${spec}".`);
  }
  return { index, count };
}

export function inShard(key: string, shard: { index: number; count: number } | undefined): boolean {
  if (!shard) return true;
  // FNV-1a: tiny, stable across Node versions and machines.
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(key, 'utf8')) h = Math.imul(h ^ ch, 0x01000193) >>> 0;
  return h % shard.count === shard.index - 1;
}
