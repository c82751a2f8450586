import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_PREFS } from '../src/core/prefs.js';
import { button, closeAll, openPage, reload, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, uniqueKey, type TestPage } from './helpers.js';
import { bar, barButton, focusFrame, focused, openBar, press, releaseKeyboard } from './a11y-helpers.js';

const BODY = TEMPLATE_BODY.replace('<div class="wrap">', '<div class="wrap"><yidu-a11y-toggle></yidu-a11y-toggle><yidu-font-size></yidu-font-size>');
const page = (o: { key?: string; script?: string } = {}) =>
  openPage({ head: TEMPLATE_CSS, body: BODY, script: `data-content="#zoom" ${o.script ?? ''}`, storageKey: o.key });

function toggleButton(p: TestPage): HTMLButtonElement {
  return button(p.doc.querySelector('yidu-a11y-toggle')!, '无障碍浏览');
}

describe('无障碍浏览 bar: toggle, docking, keyboard, 重置 / 帮助 / 退出', function () {
  this.timeout(30000);
  afterEach(async () => {
    await releaseKeyboard();
    closeAll();
  });

  it('the toggle opens a labelled toolbar docked at the top that pushes the page down, and closes it again', async () => {
    const p = await page();
    const before = p.doc.documentElement.outerHTML;
    const headerTop = p.doc.querySelector('#site-header')!.getBoundingClientRect().top;
    const toggle = toggleButton(p);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar');
    await settle(p);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const toolbar = bar(p)!.shadowRoot!.querySelector('[role=toolbar]')!;
    expect(toolbar.getAttribute('aria-label')).to.equal('无障碍浏览工具条');
    const r = bar(p)!.getBoundingClientRect();
    expect(r.top).to.equal(0);
    expect(r.width).to.be.closeTo(p.win.innerWidth, 1);
    expect(getComputedStyle(bar(p)!).position).to.equal('fixed');
    // Pushed down, not covered: the site's first line starts below the bar.
    await waitFor(() => p.doc.querySelector('#site-header')!.getBoundingClientRect().top >= r.bottom - 0.5, 'the page pushed down');
    expect(p.doc.querySelector('#site-header')!.getBoundingClientRect().top).to.be.closeTo(headerTop + r.height, 1.5);
    // Focus moved into the bar, on its first button.
    expect(focused(p)!.textContent!.trim()).to.equal('连读');
    toggle.click();
    await waitFor(() => !bar(p), 'the bar to close');
    await settle(p);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(p.doc.querySelector('#site-header')!.getBoundingClientRect().top).to.equal(headerTop);
    expect(p.doc.documentElement.outerHTML).to.equal(before);
    expect(p.doc.adoptedStyleSheets.length).to.equal(0);
  });

  it('is one Tab stop; arrows, Home and End move along it; Esc closes it and focus returns to the toggle', async () => {
    const p = await page();
    await focusFrame(p);
    toggleButton(p).focus();
    await press(p, 'Enter');
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar');
    await settle(p);
    await waitFor(() => p.doc.activeElement === bar(p), 'focus in the bar');
    const items = () => Array.from(bar(p)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=toolbar] button'));
    expect(items().filter((b) => b.tabIndex === 0)).to.have.length(1);
    expect(focused(p)).to.equal(items()[0]);
    await press(p, 'ArrowRight');
    expect(focused(p)).to.equal(items()[1]);
    await press(p, 'ArrowLeft');
    await press(p, 'ArrowLeft');
    expect(focused(p), 'wraps to the end').to.equal(items()[items().length - 1]);
    await press(p, 'Home');
    expect(focused(p)).to.equal(items()[0]);
    await press(p, 'End');
    expect(focused(p)!.textContent!.trim()).to.equal('退出');
    expect(items().filter((b) => b.tabIndex === 0)).to.deep.equal([focused(p)]);
    // Tab leaves the toolbar (one Tab stop) for the page, which comes after it.
    await sendKeys({ press: 'Tab' });
    expect(p.doc.activeElement).not.to.equal(bar(p));
    expect(focused(p)).to.equal(toggleButton(p));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(p)!.textContent!.trim(), 'back on the last used button').to.equal('退出');
    await press(p, 'Escape');
    await waitFor(() => !bar(p), 'the bar to close');
    expect(focused(p)).to.equal(toggleButton(p));
    expect(p.win.Yidu.prefs.get().a11yBar).to.equal(false);
  });

  it('a choice opens with aria-expanded, shows its state with aria-pressed, and Esc returns to its button', async () => {
    const p = await page();
    await focusFrame(p);
    await openBar(p);
    const colors = barButton(p, '配色');
    colors.focus();
    expect(colors.getAttribute('aria-expanded')).to.equal('false');
    await press(p, 'Enter');
    await settle(p);
    expect(colors.getAttribute('aria-expanded')).to.equal('true');
    const group = bar(p)!.shadowRoot!.getElementById(colors.getAttribute('aria-controls')!)!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(focused(p)!.textContent!.trim()).to.equal('原网页配色');
    expect(focused(p)!.getAttribute('aria-pressed')).to.equal('true');
    await press(p, 'ArrowRight');
    await press(p, 'ArrowRight');
    expect(focused(p)!.textContent!.trim()).to.equal('白底黑字');
    await press(p, 'Enter');
    await settle(p);
    expect(p.win.Yidu.prefs.get().colors).to.equal('black-on-white');
    expect(barButton(p, '白底黑字').getAttribute('aria-pressed')).to.equal('true');
    expect(barButton(p, '原网页配色').getAttribute('aria-pressed')).to.equal('false');
    expect(colors.textContent!.trim()).to.equal('配色：白底黑字');
    await press(p, 'Escape');
    await settle(p);
    expect(colors.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(p)).to.equal(colors);
    expect(bar(p), 'the first Esc only closes the choice').to.not.equal(null);
  });

  it('帮助 opens a labelled dialog listing every function and shortcut; Esc closes it and focus returns', async () => {
    const p = await page();
    await focusFrame(p);
    await openBar(p);
    const help = barButton(p, '帮助');
    help.focus();
    await press(p, 'Enter');
    const dialog = bar(p)!.shadowRoot!.querySelector('dialog')!;
    await waitFor(() => dialog.open, 'the help dialog');
    const title = bar(p)!.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('无障碍浏览帮助');
    expect(dialog.contains(focused(p))).to.equal(true);
    const text = dialog.textContent!;
    for (const label of ['无障碍浏览', '连读', '指读', '语速', '配色', '放大', '缩小', '大鼠标', '十字线', '大字幕', '纯文本', '重置', '帮助', '退出']) expect(text).to.include(label);
    for (const key of ['Ctrl+`', 'Ctrl+Alt+V', 'Ctrl+Alt+F', 'Ctrl+Alt+K', 'Ctrl+Alt+T', 'Ctrl+Alt+=', 'Ctrl+Alt+M', 'Ctrl+Alt+N', 'Ctrl+Alt+B', 'Ctrl+Alt+C', 'Ctrl+Alt+E', 'Ctrl+Alt+/', 'Esc']) expect(text).to.include(key);
    await press(p, 'Escape');
    await waitFor(() => !dialog.open, 'the dialog to close');
    await waitFor(() => focused(p) === help, 'focus back on 帮助');
    expect(bar(p), 'Esc in the dialog leaves the bar open').to.not.equal(null);
  });

  it('重置 resets every yidu preference and keeps the bar open; 退出 switches the functions off and closes it', async () => {
    const p = await page();
    await focusFrame(p);
    toggleButton(p).focus();
    toggleButton(p).click();
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar');
    p.win.Yidu.prefs.set({ colors: 'yellow-on-black', pageZoom: 1.5, cursor: 'white', guide: 'line', fontSize: 'large', elder: true, caption: true, speechRate: 'slow' });
    await settle(p);
    barButton(p, '重置').click();
    await settle(p);
    expect(p.win.Yidu.prefs.get()).to.deep.equal({ ...DEFAULT_PREFS, a11yBar: true });
    expect(bar(p)).to.not.equal(null);
    expect(p.doc.adoptedStyleSheets.length, 'only the docking rule is left').to.equal(1);
    p.win.Yidu.prefs.set({ colors: 'white-on-blue', pageZoom: 2, fontSize: 'large' });
    await settle(p);
    barButton(p, '退出').focus();
    barButton(p, '退出').click();
    await waitFor(() => !bar(p), 'the bar to close');
    expect(p.win.Yidu.prefs.get()).to.deep.equal({ ...DEFAULT_PREFS, fontSize: 'large' });
    expect(focused(p)).to.equal(toggleButton(p));
  });

  it('an open bar and its settings come back on reload without taking focus, and follow other tabs', async () => {
    const key = uniqueKey();
    let p = await page({ key });
    await openBar(p);
    p.win.Yidu.prefs.set({ colors: 'white-on-black' });
    await settle(p);
    p = await reload(p);
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar after reload');
    expect(p.doc.activeElement).not.to.equal(bar(p));
    expect(getComputedStyle(p.doc.body).backgroundColor).to.equal('rgb(0, 0, 0)');
    // A second tab of the same site (same storage): closing the bar there closes it here.
    const other = await page({ key });
    await waitFor(() => !!bar(other), 'the bar in the other tab');
    other.win.Yidu.prefs.set({ a11yBar: false, colors: 'default' });
    await waitFor(() => !bar(p), 'the bar to close in the first tab');
    await waitFor(() => getComputedStyle(p.doc.body).backgroundColor !== 'rgb(0, 0, 0)', 'colours to follow');
  });

  it('adds nothing to the site content: no tabindex, roles or ARIA, with every function on', async () => {
    const p = await page();
    const body = p.doc.body.outerHTML;
    await openBar(p);
    p.win.Yidu.prefs.set({ colors: 'black-on-yellow', pageZoom: 2, cursor: 'black', guide: 'crosshair', textOnly: true, caption: true, captionPinyin: true, pointRead: true });
    await settle(p);
    expect(p.doc.body.outerHTML).to.equal(body);
    p.win.Yidu.prefs.set({ textOnly: false });
    await settle(p);
    expect(p.doc.body.outerHTML).to.equal(body);
  });
});
