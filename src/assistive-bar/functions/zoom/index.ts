/** 页面缩放: the whole page larger, step by step (缩小 / 放大, Ctrl+Alt+− / =). */
import { html } from 'lit';
import { ZOOM_STEPS } from '../../../core/prefs.js';
import { announce } from '../../../core/announce.js';
import type { ActionContext, BarFunction } from '../../bar-function.js';
import { PageZoom } from './page-zoom.js';
import { WORDS } from './words.js';

/** One step larger or smaller (kept within the steps), announced with the new size. */
function zoomBy(ctx: ActionContext, by: number): void {
  const i = ZOOM_STEPS.indexOf(ctx.prefs.pageZoom) + by;
  const z = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, i))]!;
  ctx.set({ pageZoom: z });
  announce(`${ctx.t('pageZoom')} ${Math.round(z * 100)}%`);
}

export default {
  prefs: ['pageZoom'],
  words: WORDS,
  effect: () => {
    const zoom = new PageZoom();
    return { apply: (p) => zoom.apply(p.pageZoom) };
  },
  actions: { zoomIn: (ctx) => zoomBy(ctx, 1), zoomOut: (ctx) => zoomBy(ctx, -1) },
  control: (ctx) => {
    const zi = ZOOM_STEPS.indexOf(ctx.prefs.pageZoom);
    // Read at the click: two clicks before the bar draws again make two steps.
    const to = (by: number) => {
      const i = ZOOM_STEPS.indexOf(ctx.prefs.pageZoom) + by;
      if (i >= 0 && i < ZOOM_STEPS.length) ctx.setPrefs({ pageZoom: ZOOM_STEPS[i]! });
    };
    return html`<span class="zoom" role="group" aria-label=${ctx.a('pageZoom')}>
      <button part="button" type="button" data-item="zoomOut" aria-disabled=${zi <= 0 ? 'true' : 'false'}
        @click=${() => to(-1)}>${ctx.a('zoomOut')}</button>
      <span class="level">${Math.round(ctx.prefs.pageZoom * 100)}%</span>
      <button part="button" type="button" data-item="zoomIn" aria-disabled=${zi >= ZOOM_STEPS.length - 1 ? 'true' : 'false'}
        @click=${() => to(1)}>${ctx.a('zoomIn')}</button>
    </span>`;
  },
  help: [['zoomOut', 'helpZoomOut', 'zoomOut'], ['zoomIn', 'helpZoomIn', 'zoomIn']],
} satisfies BarFunction;
