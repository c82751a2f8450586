import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { closeAll, openPage, settle, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type TestPage } from './helpers.js';
import { bar, focusFrame, liveMessage, releaseKeyboard } from './a11y-helpers.js';

const page = (script = '') =>
  openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY.replace('<div id="zoom">', '<div id="zoom"><input id="field">'), script: `data-content="#zoom" ${script}` });

/** A key press as the page sees it; returns whether something called preventDefault(). */
function key(p: TestPage, code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean; altGraph?: boolean } = {}, target: Element = p.doc.body): boolean {
  const keyName = code.startsWith('Key') ? code.slice(3).toLowerCase() : code === 'Backquote' ? '`' : code === 'Equal' ? '=' : code === 'Minus' ? '-' : code === 'Slash' ? '/' : code;
  const e = new p.win.KeyboardEvent('keydown', {
    code, key: keyName, bubbles: true, cancelable: true, composed: true,
    ctrlKey: !!mods.ctrl, altKey: !!mods.alt, shiftKey: !!mods.shift, modifierAltGraph: !!mods.altGraph,
  } as KeyboardEventInit);
  target.dispatchEvent(e);
  return e.defaultPrevented;
}

/** A real key press with modifiers held, as a reader's keyboard sends it. */
async function chord(mods: string[], code: string): Promise<void> {
  for (const m of mods) await sendKeys({ down: m });
  await sendKeys({ press: code });
  for (const m of [...mods].reverse()) await sendKeys({ up: m });
}

describe('无障碍浏览 shortcuts', function () {
  this.timeout(30000);
  afterEach(async () => {
    await releaseKeyboard();
    closeAll();
  });

  it('Ctrl+` opens and closes the bar (real key presses)', async () => {
    const p = await page();
    await focusFrame(p);
    await chord(['Control'], 'Backquote');
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('button'), 'the bar');
    await waitFor(() => p.doc.activeElement === bar(p), 'focus in the bar');
    expect(key(p, 'Backquote', { ctrl: true }, p.doc.activeElement!)).to.equal(true);
    await waitFor(() => !bar(p), 'the bar to close');
  });

  it('Ctrl+Alt+letter runs each function and says what it did, with the bar closed too', async () => {
    const p = await page();
    const prefs = () => p.win.Yidu.prefs.get();
    expect(key(p, 'KeyT', { ctrl: true, alt: true })).to.equal(true);
    await waitFor(() => prefs().colors === 'white-on-black', '配色');
    await waitFor(() => liveMessage(p) === '配色：黑底白字', 'the announcement');
    key(p, 'KeyT', { ctrl: true, alt: true });
    await waitFor(() => prefs().colors === 'black-on-white', 'the next scheme');
    key(p, 'Equal', { ctrl: true, alt: true });
    await waitFor(() => prefs().pageZoom === 1.25, '放大');
    key(p, 'Equal', { ctrl: true, alt: true });
    await waitFor(() => prefs().pageZoom === 1.5, '放大 again');
    key(p, 'Minus', { ctrl: true, alt: true });
    await waitFor(() => prefs().pageZoom === 1.25, '缩小');
    await waitFor(() => liveMessage(p) === '页面缩放 125%', 'the zoom announcement');
    key(p, 'KeyM', { ctrl: true, alt: true });
    await waitFor(() => prefs().cursor === 'black', '大鼠标');
    key(p, 'KeyN', { ctrl: true, alt: true });
    await waitFor(() => prefs().guide === 'crosshair', '十字线');
    key(p, 'KeyB', { ctrl: true, alt: true });
    await waitFor(() => prefs().caption && !!p.doc.querySelector('yidu-caption'), '大字幕');
    key(p, 'KeyK', { ctrl: true, alt: true });
    await waitFor(() => prefs().speechRate === 'fast', '语速');
    key(p, 'KeyF', { ctrl: true, alt: true });
    await waitFor(() => prefs().pointRead, '指读');
    expect(bar(p), 'shortcuts work without opening the bar').to.equal(null);
    key(p, 'Slash', { ctrl: true, alt: true });
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('dialog')?.open, '帮助');
    bar(p)!.shadowRoot!.querySelector('dialog')!.close();
    key(p, 'KeyC', { ctrl: true, alt: true });
    await waitFor(() => prefs().colors === 'default' && prefs().pageZoom === 1 && prefs().cursor === 'off' && prefs().guide === 'off' &&
      !prefs().caption && prefs().speechRate === 'normal' && !prefs().pointRead, '重置');
    expect(prefs().a11yBar, '重置 keeps the bar open').to.equal(true);
    key(p, 'KeyT', { ctrl: true, alt: true });
    await waitFor(() => prefs().colors === 'white-on-black', '配色');
    key(p, 'KeyE', { ctrl: true, alt: true });
    await waitFor(() => !bar(p) && prefs().colors === 'default', '退出');
  });

  it('real Ctrl+Alt presses run their function; typed in a field they stay text', async () => {
    const p = await page();
    const prefs = () => p.win.Yidu.prefs.get();
    await focusFrame(p);
    await chord(['Control', 'Alt'], 'KeyT');
    await waitFor(() => prefs().colors === 'white-on-black', '配色 from a real Ctrl+Alt+T');
    await chord(['Control', 'Alt'], 'Equal');
    await waitFor(() => prefs().pageZoom === 1.25, '放大 from a real Ctrl+Alt+=');
    const field = p.doc.querySelector<HTMLInputElement>('#field')!;
    field.focus();
    await sendKeys({ type: 'tm' });
    await chord(['Control', 'Alt'], 'KeyM');
    await settle(p);
    expect(field.value, 'the reader\'s typing').to.equal('tm');
    expect(prefs().cursor, 'Ctrl+Alt+M typed in a field is left to the field').to.equal('off');
    field.blur();
    await chord(['Control', 'Alt'], 'KeyC');
    await waitFor(() => prefs().colors === 'default' && prefs().pageZoom === 1, '重置 from a real Ctrl+Alt+C');
  });

  it('never claims Tab, arrows, plain letters, AltGr, typing in fields, or keys the site handled; the site still sees ours', async () => {
    const p = await page();
    const seen: string[] = [];
    p.doc.addEventListener('keydown', (e) => seen.push(e.code));
    expect(key(p, 'Tab')).to.equal(false);
    expect(key(p, 'ArrowRight', { ctrl: true, alt: true })).to.equal(false);
    expect(key(p, 'ArrowDown', { ctrl: true, alt: true })).to.equal(false);
    expect(key(p, 'KeyT')).to.equal(false);
    expect(key(p, 'KeyT', { ctrl: true })).to.equal(false);
    expect(key(p, 'KeyT', { ctrl: true, alt: true, shift: true })).to.equal(false);
    // AltGr is Ctrl+Alt on Windows keyboards: characters typed with it are never taken.
    expect(key(p, 'KeyE', { ctrl: true, alt: true, altGraph: true })).to.equal(false);
    expect(key(p, 'KeyT', { ctrl: true, alt: true }, p.doc.querySelector('#field')!)).to.equal(false);
    // A key the site already handled is left to it.
    const siteFirst = (e: Event) => e.preventDefault();
    p.doc.body.addEventListener('keydown', siteFirst);
    key(p, 'KeyM', { ctrl: true, alt: true });
    p.doc.body.removeEventListener('keydown', siteFirst);
    await settle(p);
    expect(p.win.Yidu.prefs.get().cursor).to.equal('off');
    expect(p.win.Yidu.prefs.get().colors).to.equal('default');
    // Ours is handled, and still reaches the site's own listeners.
    expect(key(p, 'KeyT', { ctrl: true, alt: true })).to.equal(true);
    expect(seen.at(-1)).to.equal('KeyT');
  });

  it('data-shortcuts="off" leaves every key to the page', async () => {
    const p = await page('data-shortcuts="off"');
    expect(key(p, 'Backquote', { ctrl: true })).to.equal(false);
    expect(key(p, 'KeyT', { ctrl: true, alt: true })).to.equal(false);
    await settle(p);
    await new Promise((r) => setTimeout(r, 100));
    expect(p.win.Yidu.prefs.get().a11yBar).to.equal(false);
    expect(p.win.Yidu.prefs.get().colors).to.equal('default');
    // And the help dialog does not list shortcuts that do not work.
    p.win.Yidu.prefs.set({ a11yBar: true });
    await waitFor(() => !!bar(p)?.shadowRoot?.querySelector('dialog'), 'the bar');
    const dialog = bar(p)!.shadowRoot!.querySelector('dialog')!;
    expect(dialog.textContent).to.include('本网站已关闭快捷键');
    expect(dialog.textContent).not.to.include('Ctrl+Alt+T');
  });
});
