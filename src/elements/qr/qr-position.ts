/**
 * Keeps a popover next to its button with @floating-ui/dom, loaded on first open (a separate chunk): below
 * the button, flipped above it or shifted sideways to stay in the viewport, limited to the space there is,
 * and following scrolling and resizing until the returned function stops it.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';

const MARGIN = 8;

export function follow(button: Element, popover: HTMLElement): () => void {
  return autoUpdate(button, popover, () => {
    void computePosition(button, popover, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(MARGIN),
        flip({ padding: MARGIN }),
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          // A short viewport (a phone held sideways, 400% zoom): the popover scrolls inside itself.
          apply: ({ availableHeight }) => popover.style.setProperty('max-height', `${Math.max(120, availableHeight)}px`),
        }),
      ],
    }).then(({ x, y }) => {
      popover.style.setProperty('left', `${x}px`);
      popover.style.setProperty('top', `${y}px`);
    });
  });
}
