import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { closeAll, openPage, settle, TEMPLATE_BODY, TEMPLATE_CSS, uniqueKey } from './helpers.js';

const BUDGET = 20 * 1024;

/** Gzip size of the built file (read from dist/: the test server rewrites the JavaScript it serves). */
async function gzipSize(url: string): Promise<number> {
  return (await executeServerCommand('gzip-size', new URL(url).pathname.replace(/^\/dist\//, ''))) as number;
}

describe('loading', () => {
  afterEach(closeAll);

  for (const [where, attrs] of [
    ['in head', ''],
    ['in head with defer', 'defer'],
    ['in head with async', 'async'],
    ['at the end of body', ''],
  ] as const) {
    it(`works ${where}`, async () => {
      const p = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, script: `data-content="#zoom" ${attrs}`, scriptIn: where === 'at the end of body' ? 'body' : 'head' });
      expect(p.doc.querySelectorAll('yidu-toolbar')).to.have.length(1);
      p.win.Yidu.prefs.set({ fontSize: 'large' });
      await settle(p);
      expect(parseFloat(getComputedStyle(p.doc.querySelector('#p1')!).fontSize)).to.be.closeTo(17.5, 0.01);
      expect(p.errors).to.deep.equal([]);
    });
  }

  it('loading the script twice or defining an element twice causes no error', async () => {
    // The first tag the parser meets configures yidu; the second is a plain copy, as a template that
    // includes the toolbar twice would produce.
    const key = uniqueKey();
    const p = await openPage({
      head: TEMPLATE_CSS,
      body: TEMPLATE_BODY + `<script src="/dist/yidu.js" data-storage-key="${key}" data-content="#zoom"></script>`,
      storageKey: key,
    });
    expect(p.doc.querySelectorAll('script[src="/dist/yidu.js"]')).to.have.length(2);
    await new Promise((r) => setTimeout(r, 100));
    const cls = p.win.customElements.get('yidu-font-size') as unknown as { define(tag: string): void };
    cls.define('yidu-font-size');
    expect(p.doc.querySelectorAll('yidu-toolbar')).to.have.length(1);
    expect(p.errors).to.deep.equal([]);
    p.win.Yidu.prefs.set({ fontSize: 'large' });
    await settle(p);
    // Applied once, not twice.
    expect(parseFloat(getComputedStyle(p.doc.querySelector('#p1')!).fontSize)).to.be.closeTo(17.5, 0.01);
  });

  it(`downloads at most ${BUDGET} B gzip before any interaction, all from its own origin, no lazy chunk`, async () => {
    const p = await openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, script: 'data-content="#zoom"' });
    await new Promise((r) => setTimeout(r, 200));
    const entries = p.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const ours = entries.filter((e) => new URL(e.name).pathname.startsWith('/dist/'));
    expect(entries.every((e) => new URL(e.name).origin === location.origin), entries.map((e) => e.name).join()).to.equal(true);
    expect(ours.map((e) => new URL(e.name).pathname).sort()).to.deep.equal(['/dist/yidu.js', '/dist/yidu.mjs']);
    let total = 0;
    for (const e of ours) total += await gzipSize(e.name);
    expect(total).to.be.at.most(BUDGET);
  });

  it('the custom-elements manifest documents every element', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const tags = new Set<string>();
    for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.tagName) tags.add(d.tagName);
    expect([...tags].sort()).to.deep.equal(['yidu-a11y-bar', 'yidu-a11y-toggle', 'yidu-close', 'yidu-download', 'yidu-elder-toggle',
      'yidu-font-size', 'yidu-print', 'yidu-qa', 'yidu-qr', 'yidu-toolbar', 'yidu-zh-switch']);
  });

  it('the npm module imports Lit instead of bundling a second copy, and starts yidu', async () => {
    const source = await (await fetch('/dist/npm/index.js')).text();
    expect(source).not.to.include('class LitElement');
    // A site that bundles yidu from npm (the test server resolves the bare `lit` import like a bundler).
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/npm-consumer.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { __npm?: { version: string } };
    for (let i = 0; !win.__npm && i < 300; i++) await new Promise((r) => setTimeout(r, 10));
    expect(win.__npm?.version).to.equal((await (await fetch('/package.json')).json()).version);
    const host = frame.contentDocument!.querySelector('yidu-font-size')!;
    await (host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(host.shadowRoot!.querySelectorAll('button')).to.have.length(3);
    // Lit comes from the site's own dependency (one copy), not from inside yidu's files.
    const requested = (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).pathname);
    expect(requested.some((path) => /\/node_modules\/(lit|lit-element|lit-html|@lit\/reactive-element)\//.test(path)), requested.join('\n')).to.equal(true);
    frame.remove();
  });

  it('demo/auto.html is demo/index.html with only the script tag (no yidu elements)', async () => {
    const parse = async (path: string) => new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
    const index = await parse('/demo/index.html');
    const auto = await parse('/demo/auto.html');
    expect(auto.querySelectorAll('*')).to.satisfy((all: NodeListOf<Element>) => [...all].every((e) => !e.localName.startsWith('yidu-')));
    for (const row of index.querySelectorAll('.yidu-links')) row.remove();
    const squash = (d: Document) => d.body.innerHTML.replace(/\s+/g, ' ');
    expect(squash(auto)).to.equal(squash(index));
  });
});
