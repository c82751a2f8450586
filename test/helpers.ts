/**
 * Test pages: each test builds a small page in an iframe that loads the built `dist/yidu.js` exactly as a
 * site would, with its own storage key so tests running side by side never share preferences.
 */
import type { YiduApi } from '../src/yidu.js';
import { contrast, over, parseColor, type RGBA } from '../src/effects/color.js';

export interface PageOptions {
  /** Markup inside <head> before the yidu script (styles, config). */
  head?: string;
  body: string;
  /** Attributes of the yidu <script> tag besides src, e.g. `data-content="#zoom" defer`. */
  script?: string;
  /** Where the script tag goes. */
  scriptIn?: 'head' | 'body';
  lang?: string;
  storageKey?: string;
  width?: number;
  /** Don't wait for yidu to be ready (for pages expected to fail). */
  noWait?: boolean;
  /** Script that runs before yidu's (e.g. to break localStorage). Inline scripts are fine in tests. */
  before?: string;
  /** Where yidu.js is loaded from, e.g. under `/fresh/<token>/` (see scripts/network-faults.mjs). */
  yiduSrc?: string;
}

export interface TestPage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis & { Yidu: YiduApi };
  doc: Document;
  key: string;
  warnings: string[];
  errors: string[];
}

let counter = 0;
export function uniqueKey(): string {
  return `yidu-test:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}:${counter++}`;
}

export function pageHtml(o: PageOptions, key: string): string {
  const tag = `<script src="${o.yiduSrc ?? '/dist/yidu.js'}" data-storage-key="${key}" ${o.script ?? ''}></script>`;
  // Capture console output from the first line on, so start-up warnings are seen too.
  const capture = `<script>window.__warnings=[];window.__errors=[];
    const w=console.warn.bind(console), e=console.error.bind(console);
    console.warn=(...a)=>{window.__warnings.push(a.map(String).join(' '));w(...a)};
    console.error=(...a)=>{window.__errors.push(a.map(String).join(' '));e(...a)};
    window.addEventListener('error',ev=>window.__errors.push(String(ev.message)));
    window.addEventListener('unhandledrejection',ev=>window.__errors.push(String(ev.reason)));</script>`;
  return `<!doctype html><html lang="${o.lang ?? 'zh-CN'}"><head><meta charset="utf-8"><title>测试页面</title>
    ${capture}${o.before ? `<script>${o.before}</script>` : ''}${o.head ?? ''}${o.scriptIn === 'head' ? tag : ''}</head>
    <body>${o.body}${o.scriptIn === 'head' ? '' : tag}</body></html>`;
}

const frames: HTMLIFrameElement[] = [];

export async function openPage(o: PageOptions): Promise<TestPage> {
  const key = o.storageKey ?? uniqueKey();
  const frame = document.createElement('iframe');
  frame.style.width = `${o.width ?? 800}px`;
  frame.style.height = '600px';
  frame.style.border = '0';
  frame.srcdoc = pageHtml(o, key);
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const page = wrap(frame, key);
  if (!o.noWait) await ready(page);
  return page;
}

function wrap(frame: HTMLIFrameElement, key: string): TestPage {
  const win = frame.contentWindow as TestPage['win'];
  return {
    frame,
    win,
    doc: frame.contentDocument!,
    key,
    get warnings() {
      return (win as unknown as { __warnings: string[] }).__warnings;
    },
    get errors() {
      return (win as unknown as { __errors: string[] }).__errors;
    },
  };
}

export async function ready(page: TestPage): Promise<void> {
  await waitFor(() => page.win.Yidu !== undefined, 'window.Yidu');
  await page.win.Yidu.ready;
  await settle(page);
}

/** Reloads the page (a returning reader) and waits for yidu again. */
export async function reload(page: TestPage): Promise<TestPage> {
  const loaded = new Promise((r) => page.frame.addEventListener('load', r, { once: true }));
  page.win.location.reload();
  await loaded;
  const next = wrap(page.frame, page.key);
  await ready(next);
  return next;
}

/** Lets Lit render and effects run. */
export async function settle(page: TestPage): Promise<void> {
  for (const el of page.doc.querySelectorAll('*')) {
    const update = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    if (update) await update;
    const inner = el.shadowRoot?.querySelectorAll('*') ?? [];
    for (const child of inner) await (child as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  }
  // Not requestAnimationFrame: it never fires while the test tab is in the background.
  await new Promise((r) => setTimeout(r, 0));
}

export async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function closeAll(): void {
  for (const f of frames.splice(0)) {
    try {
      f.contentWindow?.localStorage.removeItem(f.srcdoc.match(/data-storage-key="([^"]+)"/)?.[1] ?? '');
    } catch {
      /* storage may be deliberately broken in that page */
    }
    f.remove();
  }
}

export function px(el: Element, prop: string): number {
  return parseFloat(getComputedStyle(el).getPropertyValue(prop));
}

/** The buttons an element renders in its shadow root (through nested yidu elements too). */
export function buttons(host: Element): HTMLButtonElement[] {
  const out: HTMLButtonElement[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'button') out.push(el as HTMLButtonElement);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return out;
}

export function button(host: Element, label: string): HTMLButtonElement {
  const found = buttons(host).find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no button "${label}" in <${host.localName}>: ${buttons(host).map((b) => b.textContent!.trim()).join(', ')}`);
  return found;
}

/** A government-template page: fixed px sizes on `#zoom p`, `td`, `li`, a grey meta line. */
export const TEMPLATE_CSS = `<style>
  body { margin: 0; font-size: 12px; font-family: sans-serif; }
  .wrap { max-width: 760px; margin: 0 auto; padding: 0 10px; }
  #zoom h1 { font-size: 22px; }
  #zoom h2 { font-size: 18px; }
  #zoom p { font-size: 14px; line-height: 28px; margin: 0 0 10px; text-indent: 2em; }
  #zoom td, #zoom th { font-size: 12px; border: 1px solid #333; }
  #zoom li { font-size: 14px; }
  #zoom .meta { font-size: 12px; color: #aaaaaa; }
  #zoom table { border-collapse: collapse; width: 100%; }
  .site { font-size: 13px; }
</style>`;

export const TEMPLATE_BODY = `<div class="wrap"><div class="site" id="site-header">青禾县人民政府 首页 政务公开</div>
  <div id="zoom">
    <h1>青禾县2025年政府信息公开工作年度报告</h1>
    <p class="meta">发布时间：2026-01-20 来源：县政府办公室</p>
    <h2>一、总体情况</h2>
    <p id="p1">本年度，青禾县坚持以公开为常态、不公开为例外，围绕群众关切做好政府信息公开工作，<b>主动公开</b>各类信息一千余条。</p>
    <p id="p2">依申请公开工作规范有序，全年共收到申请四十二件，均在法定期限内答复。</p>
    <ul><li id="li1">完善公开目录</li><li>规范答复文书</li></ul>
    <table id="t1"><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td id="td1">规章</td><td>0</td></tr></table>
  </div>
  <div class="site" id="site-footer">主办单位：青禾县人民政府办公室</div></div>`;

/** The colour behind an element as a reader sees it: its and its ancestors' backgrounds over white. */
export function backgroundOf(el: Element | null): RGBA {
  const layers: RGBA[] = [];
  for (let e = el; e; e = e.parentElement) layers.push(parseColor(getComputedStyle(e).backgroundColor)!);
  return layers.reverse().reduce<RGBA>((below, c) => over(c, below), [255, 255, 255, 1]);
}

/** The contrast ratio of an element's text against what is behind it. */
export function contrastOf(el: Element): number {
  const bg = backgroundOf(el);
  return contrast(over(parseColor(getComputedStyle(el).color)!, bg), bg);
}
