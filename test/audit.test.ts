/**
 * `Yidu.audit()` in the page (what a QA person runs in the console): the same report the CLI prints,
 * axe-core downloaded only then, and the page and the reader's preferences exactly as they were afterwards.
 */
import { expect } from 'chai';
import { closeAll, openPage, settle, TEMPLATE_BODY, TEMPLATE_CSS, waitFor } from './helpers.js';
import type { AuditReport } from '../src/audit/report.js';
import { AUDIT_MODES } from '../src/audit/modes.js';
import { DEFAULT_PREFS } from '../src/core/prefs.js';

/** Every registered mode, in registry order (other capabilities add theirs). */
const ALL_MODES = Object.keys(AUDIT_MODES);

// A heading at 24px is large text (3:1 is enough); 文字大小 小 makes it 21px, normal text that needs 4.5:1.
const HEAD = `${TEMPLATE_CSS}<style>#zoom .meta { color: #595959; } #zoom h2.big-grey { font-size: 24px; font-weight: normal; color: #8a8a8a; }
  :root { --yidu-accent: #9ec5ff; }</style>`;
const BODY = TEMPLATE_BODY.replace('<h2>一、总体情况</h2>', '<h2 class="big-grey">一、总体情况</h2>');

const names = (report: AuditReport, mode: string, category: 'page' | 'yidu' | 'introduced') =>
  report.modes.find((m) => m.name === mode)![category].map((v) => `${v.rule} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);

const auditChunk = (win: Window) =>
  win.performance.getEntriesByType('resource').filter((e) => /\/chunks\/run-audit-/.test(e.name)).length;

describe('Yidu.audit()', function () {
  this.timeout(90000);
  afterEach(closeAll);

  it('reports the page, yidu UI and mode-introduced failures, and leaves the page and the reader as they were', async () => {
    const page = await openPage({ head: HEAD, body: BODY, script: 'data-content="#zoom"' });
    // A reader with 大 saved; this window (another tab of the same origin) sees each write as an event.
    const storageEvents: string[] = [];
    const onStorage = (e: StorageEvent) => e.key === page.key && storageEvents.push(String(e.newValue));
    window.addEventListener('storage', onStorage);
    page.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(page);
    await waitFor(() => storageEvents.length === 1, 'the storage event of the reader\'s own choice');
    storageEvents.length = 0;
    const stored = page.win.localStorage.getItem(page.key);
    const markup = page.doc.body.innerHTML;
    // The reader has scrolled down a little and is in a form field of the site.
    page.doc.body.insertAdjacentHTML('beforeend', '<div style="height:2000px"></div><label>意见 <input id="note"></label>');
    const note = page.doc.getElementById('note') as HTMLInputElement;
    note.value = '正在填写';
    note.focus({ preventScroll: true });
    page.win.scrollTo(0, 150);
    const before = { markup: page.doc.body.innerHTML, y: page.win.scrollY };
    expect(auditChunk(page.win), 'axe-core is not downloaded for readers').to.equal(0);

    const seen: string[] = [];
    const report = await page.win.Yidu.audit({
      modes: ['elder', 'small'],
      beforeCheck: (m) => seen.push(`${m.index + 1}/${m.total} ${m.name} with fontSize ${page.win.Yidu.prefs.get().fontSize}`),
    });
    window.removeEventListener('storage', onStorage);

    expect(auditChunk(page.win), 'axe-core is one lazy chunk from yidu\'s own folder').to.equal(1);
    expect('axe' in page.win, 'no axe global left in the page').to.equal(false);
    expect(seen).to.deep.equal(['1/3 default with fontSize medium', '2/3 elder with fontSize medium', '3/3 small with fontSize small']);
    expect(report.format).to.equal('yidu-audit/1');
    expect(report.yidu).to.equal(page.win.Yidu.version);
    expect(report.tags).to.deep.equal(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']);
    expect(report.modes.map((m) => [m.name, m.baseline])).to.deep.equal([['default', true], ['elder', false], ['small', false]]);
    expect(names(report, 'default', 'page')).to.deep.equal([]);
    expect(names(report, 'small', 'introduced')).to.deep.equal(['color-contrast ["h2"]']);
    expect(names(report, 'elder', 'introduced')).to.deep.equal([]);
    expect(names(report, 'elder', 'yidu')).to.deep.equal(['color-contrast [["yidu-toolbar","yidu-elder-toggle","button"]] [["yidu-toolbar","yidu-zh-switch","button:nth-child(1)"]]']);
    expect(report.modes[2]!.counts).to.deep.equal({ page: 0, yidu: 1, introduced: 1 });

    // The reader's own preferences are back, the stored record was never written, the markup is the same.
    await settle(page);
    expect(page.win.Yidu.prefs.get()).to.deep.equal({ ...DEFAULT_PREFS, fontSize: 'large' });
    expect(page.win.localStorage.getItem(page.key)).to.equal(stored);
    expect(storageEvents, 'no other tab saw a mode switch').to.deep.equal([]);
    expect(page.doc.body.innerHTML).to.equal(before.markup);
    expect(markup).to.not.equal(before.markup);
    expect(Math.abs(page.win.scrollY - before.y), 'scroll position (sub-pixel rounding aside)').to.be.below(1);
    expect(page.doc.activeElement, 'focus').to.equal(note);
    expect(note.value).to.equal('正在填写');
    await new Promise((r) => setTimeout(r, 100));
    expect(storageEvents, 'no late storage event either').to.deep.equal([]);
  });

  it('rejects an unknown mode, listing the known ones, and a page without an article root', async () => {
    const page = await openPage({ body: '<div class="content"><p>没有正文区域。</p></div>' });
    let error = (await page.win.Yidu.audit({ modes: 'elder,sepia' }).catch((e: unknown) => e)) as { code: string; message: string };
    expect(error.code).to.equal('unknown-mode');
    expect(error.message).to.equal(`unknown audit mode "sepia". Known modes: ${ALL_MODES.join(', ')} (or "all").`);
    error = (await page.win.Yidu.audit({ modes: 'elder' }).catch((e: unknown) => e)) as { code: string; message: string };
    expect(error.code).to.equal('no-article-root');
    expect(error.message).to.match(/no article root \(none of main, article, \[role=main\], #zoom\)/);
    expect(page.win.Yidu.prefs.get()).to.deep.equal({ ...DEFAULT_PREFS });
  });

  it('`all` and globs pick from the one registry of modes', async () => {
    const page = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY });
    const all = await page.win.Yidu.audit({ modes: 'all' });
    expect(all.modes.map((m) => m.name)).to.deep.equal(ALL_MODES);
    const elders = await page.win.Yidu.audit({ modes: 'elder*' });
    expect(elders.modes.map((m) => m.name)).to.deep.equal(['default', 'elder', 'elder-large']);
    // The template's grey meta line is the page's own failure; 长者模式 darkens it. Nothing new, nothing in yidu.
    expect(names(all, 'default', 'page')).to.deep.equal(['color-contrast [".meta"]']);
    expect(names(all, 'elder', 'page')).to.deep.equal([]);
    for (const m of all.modes) expect([m.name, m.counts.yidu, m.counts.introduced]).to.deep.equal([m.name, 0, 0]);
  });
});
