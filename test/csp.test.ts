import { expect } from 'chai';
import type { YiduApi } from '../src/yidu.js';
import { uniqueKey } from './helpers.js';

describe('under a strict Content-Security-Policy (with Trusted Types)', () => {
  it('the demo report loads yidu, renders its controls and applies every mode without a violation', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1024px;height:700px;border:0';
    frame.src = `/demo/index.html?csp&key=${uniqueKey()}`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { Yidu: YiduApi };
    const violations: string[] = [];
    frame.contentDocument!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    for (let i = 0; !win.Yidu && i < 500; i++) await new Promise((r) => setTimeout(r, 10));
    expect(win.Yidu, 'yidu started').to.not.equal(undefined);
    await win.Yidu.ready;
    try {
      const doc = frame.contentDocument!;
      const toggle = doc.querySelector('yidu-elder-toggle')!.shadowRoot!.querySelector('button')!;
      // Lit's styles arrived (constructed stylesheets are allowed by style-src 'self').
      expect(parseFloat(getComputedStyle(toggle).minHeight)).to.be.at.least(44);
      const p = doc.querySelector('#zoom p')!;
      const base = parseFloat(getComputedStyle(p).fontSize);
      toggle.click();
      win.Yidu.prefs.set({ fontSize: 'large' });
      await new Promise((r) => setTimeout(r, 50));
      expect(parseFloat(getComputedStyle(p).fontSize)).to.be.greaterThan(base * 1.25);
      win.Yidu.prefs.reset();
      await new Promise((r) => setTimeout(r, 50));
      expect(parseFloat(getComputedStyle(p).fontSize)).to.equal(base);
      expect(violations).to.deep.equal([]);
    } finally {
      win.Yidu.prefs.reset();
      frame.remove();
    }
  });
});
