/**
 * Single-page apps: demo/spa.html is a small app whose links pushState and replace the article element.
 * After navigation every active mode applies to the new article, the 扫一扫 codes follow the new address,
 * and switching everything off leaves exactly the markup the app rendered. Served under the strict CSP.
 */
import { expect } from 'chai';
import { contrastOf, px, settle, uniqueKey, waitFor, type TestPage } from './helpers.js';
import { decodeSvg } from './qr-decode.js';
import { restPointer } from './a11y-helpers.js';

interface SpaDemo {
  renderArticle(id: string): HTMLElement;
  articles: Record<string, { title: string; blocks: [string, unknown][] }>;
}
interface SpaPage extends TestPage {
  spa: SpaDemo;
  violations: string[];
}

const frames: HTMLIFrameElement[] = [];

/** The demo at its real address, under the strict CSP, with its own storage key. */
async function openSpa(query = ''): Promise<SpaPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1024px;height:700px;border:0;display:block';
  const key = uniqueKey();
  frame.src = `/demo/spa.html?csp&key=${key}${query}`;
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as SpaPage['win'];
  const violations: string[] = [];
  const errors: string[] = [];
  frame.contentDocument!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  win.addEventListener('error', (e) => errors.push(String(e.message)));
  win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const error = win.console.error.bind(win.console);
  win.console.error = (...a: unknown[]) => (errors.push(a.map(String).join(' ')), error(...a));
  await waitFor(() => win.Yidu !== undefined, 'window.Yidu');
  await win.Yidu.ready;
  const page: SpaPage = {
    frame, win, doc: frame.contentDocument!, key, warnings: [], errors, violations,
    spa: (win as unknown as { spaDemo: SpaDemo }).spaDemo,
  };
  await settle(page);
  return page;
}

const article = (p: TestPage) => p.doc.querySelector<HTMLElement>('#zoom')!;
const qrRoot = (p: TestPage, sel: string) => p.doc.querySelector(sel)!.shadowRoot!;
const code = (p: TestPage, sel: string) => qrRoot(p, sel).querySelector<SVGSVGElement>('svg[part=code]');
const urlText = (p: TestPage, sel: string) => qrRoot(p, sel).querySelector('[part=url]')?.textContent ?? null;

/** The reader clicks a link of the app's menu; resolves when the new article is in place. */
async function navigate(p: SpaPage, id: string): Promise<void> {
  p.doc.querySelector<HTMLAnchorElement>(`a[data-article="${id}"]`)!.click();
  await waitFor(() => article(p).dataset.article === id, `article ${id}`);
  await settle(p);
}

/** 繁体 conversion of the site's text is asynchronous (time-sliced): wait until `el` shows `expected`. */
async function shows(p: TestPage, el: () => Element | null, expected: string, what: string): Promise<void> {
  await waitFor(() => el()?.textContent === expected, `${what}: "${expected}" (now "${el()?.textContent}")`, 8000);
}

/** The caption strip's text after the pointer rests on `el`. */
async function captionOf(p: TestPage, el: Element): Promise<string> {
  await restPointer(p, el);
  const strip = () => p.doc.querySelector('yidu-caption')?.shadowRoot?.querySelector('.text')?.textContent ?? '';
  await waitFor(() => strip() !== '', 'the caption');
  return strip();
}

describe('single-page apps (demo/spa.html)', function () {
  this.timeout(60000);
  afterEach(() => {
    for (const f of frames.splice(0)) {
      (f.contentWindow as TestPage['win'] | null)?.Yidu?.prefs.reset();
      f.remove();
    }
  });

  it('every active mode applies to the article the app swaps in, and off leaves the app\'s own markup', async () => {
    const p = await openSpa();
    const { win, doc } = p;
    const plain = px(article(p).querySelectorAll('p')[1]!, 'font-size');
    await win.Yidu.zh.set('hant');
    win.Yidu.prefs.set({ fontSize: 'large', elder: true, colors: 'yellow-on-black', pageZoom: 1.5, caption: true });
    await waitFor(() => !!doc.querySelector('yidu-caption'), 'the caption strip');
    await settle(p);
    const before = article(p).querySelectorAll('p')[1]!;
    const sized = px(before, 'font-size');
    const schemeColor = getComputedStyle(before).color;
    expect(sized).to.be.greaterThan(plain * 1.25);

    await navigate(p, '2');
    expect(win.location.search).to.match(/[?&]article=2$/);
    const a2 = p.spa.articles['2']!;
    // 繁体: the new title and text in Traditional characters, exactly as converted.
    await shows(p, () => article(p).querySelector('h1'), await win.Yidu.zh.convertText(a2.title), 'the new title');
    const text = a2.blocks[1]![1] as string;
    await shows(p, () => article(p).querySelectorAll('p')[2]!, await win.Yidu.zh.convertText(text), 'the new text');
    const fresh = article(p).querySelectorAll('p')[2]!;
    // 文字大小 大 × 长者模式: the same size as the same kind of paragraph before; line height ≥ 1.5.
    expect(px(fresh, 'font-size')).to.be.closeTo(sized, 0.01);
    expect(px(fresh, 'line-height')).to.be.at.least(1.5 * sized - 0.01);
    // 配色: the scheme's colours, at least 7:1.
    expect(getComputedStyle(fresh).color).to.equal(schemeColor);
    expect(contrastOf(fresh)).to.be.at.least(7);
    // 页面缩放 stays on the page.
    expect(parseFloat(getComputedStyle(doc.body).zoom)).to.equal(1.5);
    // 大字幕 shows the new text as the page shows it.
    expect(await captionOf(p, article(p).querySelector('h1')!)).to.equal(await win.Yidu.zh.convertText(a2.title));

    // The app adds to the new article later (a "load more"): that text follows the modes too.
    const more = doc.createElement('p');
    more.textContent = '附件：森林防火责任书范本';
    article(p).append(more);
    await shows(p, () => more, await win.Yidu.zh.convertText('附件：森林防火责任书范本'), 'text added later');
    expect(px(more, 'font-size')).to.be.closeTo(sized, 0.01);
    more.remove();

    // Back (popstate): article 1 again, in every mode.
    win.history.back();
    await waitFor(() => article(p).dataset.article === '1', 'article 1 after back');
    await settle(p);
    await shows(p, () => article(p).querySelector('h1'), await win.Yidu.zh.convertText(p.spa.articles['1']!.title), 'title after back');
    expect(px(article(p).querySelectorAll('p')[1]!, 'font-size')).to.be.closeTo(sized, 0.01);

    await navigate(p, '3');
    win.Yidu.prefs.reset();
    await win.Yidu.zh.set('auto' as never);
    await waitFor(() => doc.adoptedStyleSheets.length === 0, 'every stylesheet removed');
    await settle(p);
    // Exactly the markup the app renders for article 3, and the app's own title.
    expect(article(p).outerHTML).to.equal(p.spa.renderArticle('3').outerHTML);
    expect(doc.title).to.equal(`${p.spa.articles['3']!.title} - 青禾县人民政府`);
    expect(doc.documentElement.lang).to.equal('zh-CN');
    expect(p.violations).to.deep.equal([]);
    expect(p.errors).to.deep.equal([]);
  });

  it('纯文本 shows the article of the address the reader moved to', async () => {
    const p = await openSpa();
    const { win, doc } = p;
    await navigate(p, '2');
    win.Yidu.prefs.set({ textOnly: true, fontSize: 'large' });
    const view = () => doc.querySelector('yidu-text-view')?.shadowRoot?.querySelector('article') ?? null;
    await waitFor(() => !!view(), 'the text view');
    expect(view()!.querySelector('h1')!.textContent).to.equal(p.spa.articles['2']!.title);
    // The browser's back button while reading the text view: the app swaps the article in the hidden page.
    win.history.back();
    await waitFor(() => article(p).dataset.article === '1', 'article 1 after back');
    await waitFor(() => view()?.querySelector('h1')?.textContent === p.spa.articles['1']!.title, 'the text view of article 1');
    expect(view()!.textContent).to.not.include(p.spa.articles['2']!.title);
    win.history.forward();
    await waitFor(() => view()?.querySelector('h1')?.textContent === p.spa.articles['2']!.title, 'the text view of article 2');
    win.Yidu.prefs.reset();
    await waitFor(() => !view(), 'the text view to close');
    expect(article(p).outerHTML).to.equal(p.spa.renderArticle('2').outerHTML);
    expect(p.errors).to.deep.equal([]);
  });

  it('扫一扫 (the popover and the inline code) follows the address the app moved to', async () => {
    const p = await openSpa();
    const { win } = p;
    await waitFor(() => !!code(p, 'yidu-qr[mode=inline]'), 'the inline code');
    expect(await decodeSvg(code(p, 'yidu-qr[mode=inline]')!)).to.equal(win.location.href);
    await navigate(p, '3');
    // The inline code in the page follows without any click.
    await waitFor(() => urlText(p, 'yidu-qr[mode=inline]') === win.location.href, `the inline code to follow ${win.location.href}`, 3000);
    await settle(p);
    expect(await decodeSvg(code(p, 'yidu-qr[mode=inline]')!)).to.equal(win.location.href);
    // The popover, opened after navigation.
    const launcher = qrRoot(p, 'yidu-qr:not([mode])').querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    launcher.click();
    await waitFor(() => !!code(p, 'yidu-qr:not([mode])'), 'the QR popover');
    await settle(p);
    expect(win.location.search).to.match(/[?&]article=3$/);
    expect(await decodeSvg(code(p, 'yidu-qr:not([mode])')!)).to.equal(win.location.href);
    launcher.click();
    // Back: both codes follow (popstate).
    win.history.back();
    await waitFor(() => urlText(p, 'yidu-qr[mode=inline]') === win.location.href && !win.location.search.includes('article'), 'popstate');
    launcher.click();
    await waitFor(() => !!code(p, 'yidu-qr:not([mode])'), 'the QR popover');
    await settle(p);
    expect(await decodeSvg(code(p, 'yidu-qr:not([mode])')!)).to.equal(win.location.href);
    expect(p.violations).to.deep.equal([]);
    expect(p.errors).to.deep.equal([]);
  });
});
