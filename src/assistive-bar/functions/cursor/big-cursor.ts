/**
 * 大鼠标: an extra-large pointer (64 px; black with a white edge, or white with a black edge) in three shapes —
 * arrow, pointing hand over links and buttons, text cursor over text. The SVG files are served from yidu's
 * own folder (`cursors/`), so a strict `img-src 'self'` policy is fine; the system cursor is the fallback.
 */
import { adopt, BOOST } from '../../../effects/adopted.js';
import type { BigCursor } from '../../../core/prefs.js';

/** Where the pointer's tip is inside each 64 × 64 image. */
const HOTSPOTS = { arrow: '5 3', hand: '26 4', text: '32 32' } as const;

/** URL of a cursor file, relative to this chunk (it sits in `chunks/`, the files in `cursors/`). */
export function cursorUrl(shape: keyof typeof HOTSPOTS, color: Exclude<BigCursor, 'off'>, base: string = import.meta.url): string {
  return new URL(`../cursors/${shape}-${color}.svg`, base).href;
}

const INTERACTIVE = 'a[href],a[href] *,button,button *,summary,label,select,[role=button],[role=link],' +
  'input[type=button],input[type=submit],input[type=reset],input[type=checkbox],input[type=radio],input[type=image]';
const TEXT = 'p,p *,h1,h2,h3,h4,h5,h6,li,td,th,dd,dt,blockquote,pre,figcaption,caption,textarea,[contenteditable],' +
  'input:not([type=button],[type=submit],[type=reset],[type=checkbox],[type=radio],[type=image],[type=range],[type=color],[type=file])';

export function cursorCss(color: Exclude<BigCursor, 'off'>, base?: string): string {
  const c = (shape: keyof typeof HOTSPOTS, fallback: string) => `url("${cursorUrl(shape, color, base)}") ${HOTSPOTS[shape]},${fallback} !important`;
  const scope = (list: string) => list.split(',').map((s) => `html${BOOST} ${s}`).join(',');
  return `:root{--yidu-cursor:${c('arrow', 'default').replace(' !important', '')};--yidu-hand-cursor:${c('hand', 'pointer').replace(' !important', '')}}
html${BOOST},html${BOOST} *{cursor:${c('arrow', 'default')}}
${scope(TEXT)}{cursor:${c('text', 'text')}}
${scope(INTERACTIVE)}{cursor:${c('hand', 'pointer')}}`;
}

export class BigCursors {
  readonly #sheet = new CSSStyleSheet();

  apply(color: BigCursor, doc: Document = document): void {
    if (color !== 'off') this.#sheet.replaceSync(cursorCss(color));
    adopt(this.#sheet, color !== 'off', doc);
  }
}
