/**
 * Shared by the hardening tests (csp-all, requests): the demo report loaded as a site serves it, with a
 * recorder as its first script (console, CSP and Trusted Types violations, resource entries, see
 * test/fixtures/capture.js and hardening/resources.js) and the fake speech engine, and drivers that run every feature through
 * its own controls, checking that each one did what a reader would see.
 */
import { expect } from 'chai';
import { button, buttons, ready, settle, uniqueKey, waitFor, type TestPage } from './helpers.js';
import { bar, barButton } from './a11y-helpers.js';

export interface DemoPage extends TestPage {
  token: string;
  violations: string[];
  /** Every resource the page loaded (PerformanceObserver), as absolute URLs. */
  resources: string[];
  spoken: string[];
}

const frames: HTMLIFrameElement[] = [];

/**
 * Opens demo/index.html under its own `/fresh/<token>/` prefix (every file fetched anew and logged under the
 * token). `query` adds to `?record&key=…`, e.g. `csp` or `csp&tt=lit-html`.
 */
export async function openDemo(query = '', width = 1100, wait = true): Promise<DemoPage> {
  const token = `h${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const key = uniqueKey().replace(/[^\w:-]/g, '');
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:700px;border:0;display:block`;
  frame.src = `/fresh/${token}/demo/index.html?record&key=${key}${query ? `&${query}` : ''}`;
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as DemoPage['win'];
  const rec = win as unknown as Record<string, string[]>;
  const page: DemoPage = {
    frame,
    win,
    doc: frame.contentDocument!,
    key,
    token,
    get warnings() { return rec.__warnings!; },
    get errors() { return rec.__errors!; },
    get violations() { return rec.__violations!; },
    get resources() { return rec.__resources!; },
    get spoken() { return rec.__spoken!; },
  };
  if (wait) await ready(page);
  return page;
}

export function closeDemos(): void {
  for (const f of frames.splice(0)) {
    try {
      (f.contentWindow as DemoPage['win'] | null)?.Yidu?.prefs.reset();
    } catch {
      /* the page may be gone */
    }
    f.remove();
  }
}

const host = (p: TestPage, sel: string) => p.doc.querySelector(sel)!;
const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
const firstParagraph = (p: TestPage) => p.doc.querySelector('#zoom > p')!;

/** 文字大小 大 / 小 / 中, 长者模式 on and off, 繁体 and back, each through its control. */
export async function runReadingModes(p: TestPage): Promise<void> {
  const para = firstParagraph(p);
  const title = p.doc.querySelector('h1')!;
  const base = px(para);
  const sizes = host(p, 'yidu-font-size');
  button(sizes, '大').click();
  await settle(p);
  expect(px(para), '文字大小 大').to.be.closeTo(base * 1.25, 0.6);
  button(sizes, '小').click();
  await settle(p);
  expect(px(para), '文字大小 小').to.be.below(base);
  button(sizes, '中').click();
  await settle(p);
  expect(px(para), '文字大小 中').to.equal(base);

  const elder = button(host(p, 'yidu-elder-toggle'), '长者模式');
  elder.click();
  await settle(p);
  expect(px(para), '长者模式').to.be.at.least(18);
  expect(elder.getAttribute('aria-pressed')).to.equal('true');
  elder.click();
  await settle(p);
  expect(px(para)).to.equal(base);

  const zh = host(p, 'yidu-zh-switch');
  const hans = title.textContent!;
  button(zh, '繁体').click();
  // The root's lang changes last, once all text is written (on a busy machine a few tasks after the title).
  await waitFor(() => title.textContent!.includes('縣') && /^zh-(Hant|TW)/.test(p.doc.documentElement.lang), '繁体', 20000);
  await settle(p);
  buttons(zh).find((b) => /^(简体|簡體)$/.test(b.textContent!.trim()))!.click();
  await waitFor(() => title.textContent === hans, '简体 again', 20000);
  await settle(p);
}

/** The next file an export control hands to the browser (cancelled: the test browser saves nothing). */
function nextExport(p: TestPage): Promise<{ format: string; fileName: string; blob: Blob | null }> {
  return new Promise((resolve) =>
    p.doc.addEventListener('yidu-export', (e) => {
      e.preventDefault();
      resolve((e as CustomEvent).detail);
    }, { once: true }),
  );
}

async function head(blob: Blob, n: number): Promise<string> {
  return String.fromCharCode(...new Uint8Array(await blob.slice(0, n).arrayBuffer()));
}

/** 扫一扫 (the code and 保存二维码图片), 打印文章, 下载Word, 下载PDF. */
export async function runExports(p: TestPage): Promise<void> {
  // Stands in for the browser's download of the PNG: record what yidu hands it.
  const saved: { href: string; download: string }[] = [];
  p.win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  };
  const qr = host(p, 'yidu-qr');
  const launcher = qr.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
  launcher.click();
  await waitFor(() => !!qr.shadowRoot!.querySelector('svg[part=code]'), 'the QR code', 15000);
  await settle(p);
  expect(qr.shadowRoot!.querySelector('[part=url]')!.textContent).to.equal(p.win.location.href);
  button(qr, '保存二维码图片').click();
  await waitFor(() => saved.length === 1, 'the PNG', 10000);
  expect(saved[0]!.href).to.match(/^blob:/);
  // Read from the test's window (same origin): the page's own connect-src does not list blob:.
  const png = await (await fetch(saved[0]!.href)).blob();
  expect(png.type).to.equal('image/png');
  expect(await head(png, 4)).to.equal('\x89PNG');
  button(qr, '关闭').click();
  await settle(p);

  let printed: string | null = null;
  p.win.print = () => {
    printed = p.doc.querySelector('[data-yidu-print-view]')?.textContent ?? '';
  };
  button(host(p, 'yidu-print'), '打印文章').click();
  await waitFor(() => printed !== null, 'print()', 20000);
  expect(printed).to.include('主动公开');
  p.win.dispatchEvent(new Event('afterprint'));
  await settle(p);
  expect(p.doc.querySelector('[data-yidu-print-view]')).to.equal(null);

  const word = nextExport(p);
  button(host(p, 'yidu-download[format=docx]'), '下载Word').click();
  const docx = await word;
  expect(docx.format).to.equal('docx');
  expect(await head(docx.blob!, 2), 'a zip file').to.equal('PK');

  const pdfFile = nextExport(p);
  button(host(p, 'yidu-download[format=pdf]'), '下载PDF').click();
  const pdf = await pdfFile;
  expect(pdf.format).to.equal('pdf');
  expect(await head(pdf.blob!, 5)).to.equal('%PDF-');
  expect(pdf.blob!.size).to.be.greaterThan(10000);
}

/** Opens a choice of the bar (配色, 大鼠标, 十字线) and picks an item in it. */
async function choose(p: TestPage, menu: string, item: string): Promise<void> {
  const opener = barButton(p, menu);
  if (opener.getAttribute('aria-expanded') !== 'true') opener.click();
  await settle(p);
  barButton(p, item).click();
  await settle(p);
}

function pointerAt(p: TestPage, el: Element): void {
  const r = el.getBoundingClientRect();
  for (const type of ['pointerover', 'pointermove']) {
    el.dispatchEvent(new p.win.PointerEvent(type, {
      clientX: r.left + Math.min(20, r.width / 2), clientY: r.top + Math.min(10, r.height / 2), bubbles: true, composed: true, pointerType: 'mouse',
    }));
  }
}

/** Every function of the 无障碍浏览 bar, opened with its toggle and driven with its buttons. */
export async function runA11yBar(p: TestPage): Promise<void> {
  const prefs = () => p.win.Yidu.prefs.get();
  button(host(p, 'yidu-a11y-toggle'), '无障碍浏览').click();
  await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar', 15000);
  await settle(p);

  // 连读 runs to the end with the fake engine (each piece ends at once); 指读 reads what gets focus.
  barButton(p, '连读').click();
  await waitFor(() => p.spoken.some((s) => s.includes('年度报告')), 'reading aloud');
  await waitFor(() => !!buttons(bar(p)!).find((b) => b.textContent!.trim() === '连读'), 'reading to end', 20000);
  barButton(p, '指读').click();
  await settle(p);
  expect(prefs().pointRead).to.equal(true);
  const link = p.doc.querySelector<HTMLAnchorElement>('#zoom a')!;
  link.focus();
  link.dispatchEvent(new p.win.FocusEvent('focusin', { bubbles: true, composed: true }));
  await waitFor(() => p.spoken.includes(link.textContent!.trim()), '指读 of a link');
  link.blur();
  barButton(p, '指读').click();
  await choose(p, '语速', '快速');
  expect(prefs().speechRate).to.equal('fast');

  const colours = () => [p.doc.body, firstParagraph(p)].map((el) => `${getComputedStyle(el).backgroundColor}/${getComputedStyle(el).color}`).join(' ');
  const site = colours();
  for (const scheme of ['黑底白字', '白底黑字', '黑底黄字', '黄底黑字', '蓝底白字']) {
    await choose(p, '配色', scheme);
    expect(colours(), scheme).not.to.equal(site);
  }
  await choose(p, '配色', '原网页配色');
  expect(colours()).to.equal(site);

  barButton(p, '放大').click();
  barButton(p, '放大').click();
  await settle(p);
  expect(prefs().pageZoom).to.equal(1.5);
  barButton(p, '缩小').click();
  barButton(p, '缩小').click();
  await settle(p);
  expect(prefs().pageZoom).to.equal(1);

  await choose(p, '大鼠标', '黑色鼠标');
  expect(getComputedStyle(firstParagraph(p)).cursor).to.match(/url\(/);
  await choose(p, '大鼠标', '白色鼠标');
  await choose(p, '大鼠标', '关闭');
  expect(getComputedStyle(firstParagraph(p)).cursor).not.to.match(/url\(/);

  if (barButton(p, '十字线').getAttribute('aria-disabled') !== 'true') {
    for (const guide of ['十字线', '阅读线', '阅读遮罩']) {
      await choose(p, '十字线', guide);
      await waitFor(() => !!p.doc.querySelector('yidu-guides'), guide);
      pointerAt(p, firstParagraph(p));
      await settle(p);
    }
    await choose(p, '十字线', '关闭');
    await waitFor(() => !p.doc.querySelector('yidu-guides'), 'the guides to go');
  }

  barButton(p, '大字幕').click();
  await waitFor(() => !!p.doc.querySelector('yidu-caption'), 'the caption strip');
  p.win.Yidu.prefs.set({ captionPinyin: true });
  const strip = p.doc.querySelector('yidu-caption')!;
  const line = (cls: string) => strip.shadowRoot!.querySelector<HTMLElement>(`.${cls}`)!;
  await new Promise((r) => setTimeout(r, 150));
  pointerAt(p, firstParagraph(p));
  await waitFor(() => line('text').textContent !== '', 'a caption');
  await waitFor(() => !line('pinyin').hidden && line('pinyin').textContent !== '', 'the pinyin line', 20000);
  barButton(p, '大字幕').click();
  await waitFor(() => !p.doc.querySelector('yidu-caption'), 'the strip to go');

  barButton(p, '纯文本').click();
  await waitFor(() => !!p.doc.querySelector('yidu-text-view'), 'the text view');
  await settle(p);
  expect(p.doc.querySelector('yidu-text-view')!.shadowRoot!.textContent).to.include('主动公开');
  p.win.Yidu.prefs.set({ textOnly: false });
  await waitFor(() => !p.doc.querySelector('yidu-text-view'), 'the text view to go');

  barButton(p, '帮助').click();
  const dialog = bar(p)!.shadowRoot!.querySelector('dialog')!;
  await waitFor(() => dialog.open, 'the help dialog');
  dialog.close();
  await settle(p);

  p.win.Yidu.prefs.set({ colors: 'white-on-blue', pageZoom: 2, cursor: 'white' });
  await settle(p);
  barButton(p, '重置').click();
  await settle(p);
  expect(prefs().colors).to.equal('default');
  barButton(p, '退出').click();
  await waitFor(() => !bar(p), 'the bar to close');
}
