/**
 * Every feature under the strictest policy a site can send: the demo report served with
 * `default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none';
 * require-trusted-types-for 'script'; trusted-types lit-html` (the one policy name yidu needs, see
 * docs/security.md). Each feature runs through its own control; the page must report no CSP or Trusted Types
 * violation and no console error.
 */
import { expect } from 'chai';
import { closeDemos, openDemo, runA11yBar, runExports, runReadingModes, type DemoPage } from './hardening-helpers.js';

const POLICY = 'csp&tt=lit-html';

function clean(p: DemoPage): void {
  expect(p.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
  expect(p.errors, 'console errors').to.deep.equal([]);
  expect(p.warnings, 'console warnings').to.deep.equal([]);
}

describe('every feature under a strict CSP with Trusted Types', function () {
  this.timeout(120000);
  afterEach(closeDemos);

  it('the policy is in force: eval and string-to-HTML sinks are refused', async () => {
    const p = await openDemo(POLICY);
    // Trusted Types are enforced where the browser has them: a string into innerHTML throws.
    const tt = (p.win as unknown as { trustedTypes?: unknown }).trustedTypes;
    if (tt) expect(() => { p.doc.createElement('div').innerHTML = '<b>x</b>'; }).to.throw();
    // eval is refused (script-src without 'unsafe-eval').
    expect(() => (p.win as unknown as { eval(s: string): unknown }).eval('1')).to.throw();
    // yidu itself started and styled its controls (constructed stylesheets are allowed by style-src 'self').
    const toggle = p.doc.querySelector('yidu-elder-toggle')!.shadowRoot!.querySelector('button')!;
    expect(parseFloat(getComputedStyle(toggle).minHeight)).to.be.at.least(44);
    p.violations.length = 0;
    p.errors.length = 0;
    clean(p);
  });

  it('文字大小, 长者模式, 简体/繁体', async () => {
    const p = await openDemo(POLICY);
    await runReadingModes(p);
    clean(p);
  });

  it('扫一扫 and its PNG, 打印文章, 下载Word, 下载PDF', async () => {
    const p = await openDemo(POLICY);
    await runExports(p);
    clean(p);
  });

  it('无障碍浏览: 连读, 指读, 语速, 配色, 放大/缩小, 大鼠标, 十字线, 大字幕 with 拼音, 纯文本, 帮助, 重置, 退出', async () => {
    const p = await openDemo(POLICY);
    await runA11yBar(p);
    clean(p);
  });

  it('Yidu.audit() in every mode', async () => {
    const p = await openDemo(POLICY);
    const report = (await p.win.Yidu.audit({ modes: 'all' })) as { modes: { name: string }[] };
    expect(report.modes.map((m) => m.name)).to.include.members(['default', 'elder', 'large', 'hant', 'zoom-200', 'text-only']);
    clean(p);
  });

  it('without a trusted-types directive (the issue\'s policy as written) the same page runs clean', async () => {
    const p = await openDemo('csp&tt=');
    await runReadingModes(p);
    clean(p);
  });

  it('a policy that leaves out "lit-html": yidu stays out of the page and says once exactly what to add', async () => {
    const p = await openDemo(`csp&tt=${encodeURIComponent("'none'")}`, 1100, false);
    await new Promise((r) => setTimeout(r, 1500));
    expect(p.win.Yidu).to.equal(undefined);
    expect(p.errors).to.have.length(1);
    expect(p.errors[0]).to.match(/^\[yidu\] add lit-html to the trusted-types directive/);
    // The page itself is untouched and visible (the loader's cloak, if any, is lifted).
    expect(p.doc.querySelector('#zoom')!.getClientRects().length).to.be.greaterThan(0);
    expect(p.doc.adoptedStyleSheets).to.have.length(0);
  });

  it("a site that runs Lit too: trusted-types lit-html 'allow-duplicates' lets both policies exist", async () => {
    const p = await openDemo(`csp&sitelit&tt=${encodeURIComponent("lit-html 'allow-duplicates'")}`);
    expect((p.win as unknown as { __sitePolicy?: unknown }).__sitePolicy, 'the site made its policy first').to.not.equal(undefined);
    await runReadingModes(p);
    clean(p);
  });
});
