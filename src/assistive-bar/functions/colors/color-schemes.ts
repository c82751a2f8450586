/**
 * 配色: whole-page colour schemes. One constructed stylesheet sets text, background and border colours on
 * every element of the page (raised above typical template selectors), links get their own colour and an
 * underline, and photos, video and canvas are left exactly as they are (nothing is inverted or filtered).
 * The same colours feed yidu's own custom properties, so our controls follow the scheme. Under
 * `forced-colors: active` the reader's system colours win: the whole sheet is inside a media query.
 */
import { adopt, BOOST } from '../../../effects/adopted.js';
import type { ColorScheme } from '../../../core/prefs.js';

export interface SchemeColors {
  text: string;
  background: string;
  link: string;
}

/** Every pair reaches at least 7:1 (WCAG AAA) for text and for links (test/a11y-colors.test.ts computes it). */
export const SCHEMES: Readonly<Record<Exclude<ColorScheme, 'default'>, SchemeColors>> = Object.freeze({
  'white-on-black': { text: '#ffffff', background: '#000000', link: '#ffff00' },
  'black-on-white': { text: '#000000', background: '#ffffff', link: '#0000cc' },
  'yellow-on-black': { text: '#ffff00', background: '#000000', link: '#00ffff' },
  'black-on-yellow': { text: '#000000', background: '#ffff00', link: '#0000cc' },
  'white-on-blue': { text: '#ffffff', background: '#002080', link: '#ffff00' },
});

/**
 * Replaced content keeps its own pixels. One `:not()` per element: a list inside `:not()` drops the whole rule
 * before Chromium 88 final; the complex `svg *` only where the kernel supports it.
 */
const MEDIA = ['img', 'picture', 'video', 'canvas', 'svg', 'iframe', 'object', 'embed'].map((m) => `:not(${m})`).join('') +
  (typeof CSS !== 'undefined' && CSS.supports?.('selector(:not(svg *))') ? ':not(svg *)' : '');

/**
 * Kernels before Chromium 89 know no `forced-colors` (nor forced colours): there the query would be dropped as
 * unknown and the scheme with it, so it is applied unconditionally. (`not all and`, not `not (…)`: the
 * shorter form needs Chromium 104.)
 */
const FORCED_COLORS_KNOWN = typeof matchMedia === 'function' && matchMedia('(forced-colors: none), (forced-colors: active)').matches;

export function schemeCss({ text, background, link }: SchemeColors): string {
  const all = `body${BOOST} *${MEDIA}`;
  return `@media ${FORCED_COLORS_KNOWN ? 'not all and (forced-colors: active)' : 'all'}{
:root{--yidu-color:${text};--yidu-background:${background};--yidu-border-color:${text};--yidu-accent:${text};` +
    `--yidu-accent-contrast:${background};--yidu-focus-color:${link};--yidu-hover-background:${background};` +
    `--yidu-disabled-color:${text};--yidu-toolbar-background:${background};--yidu-toolbar-border-color:${text};--yidu-link-color:${link}}
html${BOOST},body${BOOST}{color:${text} !important;background:${background} none !important}
${all}{color:${text} !important;background-color:${background} !important;background-image:none !important;` +
    `border-color:${text} !important;text-shadow:none !important;box-shadow:none !important;-webkit-text-fill-color:currentcolor !important}
body${BOOST} a[href],body${BOOST} a[href] *${MEDIA}{color:${link} !important;text-decoration:underline !important}
body${BOOST} ::placeholder{color:${text} !important;opacity:1 !important}
body${BOOST} ::selection{color:${background} !important;background-color:${text} !important}
}`;
}

export class ColorSchemes {
  readonly #sheet = new CSSStyleSheet();
  #current: ColorScheme = 'default';

  apply(scheme: ColorScheme, doc: Document = document): void {
    if (scheme !== 'default' && scheme !== this.#current) this.#sheet.replaceSync(schemeCss(SCHEMES[scheme]));
    this.#current = scheme;
    adopt(this.#sheet, scheme !== 'default', doc);
  }
}
