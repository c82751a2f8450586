/**
 * Puts one of yidu's own overlays (the bar, the caption strip, the guides) in the browser's top layer as a
 * manual popover: no site z-index, not even the maximum on a fixed header, can cover it. Its own `:host`
 * rules undo the browser's popover box styles. Browsers without popovers keep the maximal z-index.
 */
export function toTopLayer(el: HTMLElement): void {
  if (!el.showPopover) return;
  el.popover = 'manual';
  el.showPopover();
}
