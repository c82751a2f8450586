/** Helpers for the 无障碍浏览 tests: the bar, its buttons, and an axe run. */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { buttons, settle, waitFor, type TestPage } from './helpers.js';

export function bar(page: TestPage): HTMLElement | null {
  return page.doc.querySelector('yidu-a11y-bar');
}

export async function openBar(page: TestPage): Promise<HTMLElement> {
  page.win.Yidu.prefs.set({ a11yBar: true });
  await waitFor(() => !!bar(page)?.shadowRoot?.querySelector('button'), 'the bar');
  await settle(page);
  return bar(page)!;
}

/** A bar button by its visible label (or the start of it, for 配色：… buttons). */
export function barButton(page: TestPage, label: string): HTMLButtonElement {
  const all = buttons(bar(page)!);
  const found = all.find((b) => b.textContent!.trim() === label) ?? all.find((b) => b.textContent!.trim().startsWith(`${label}：`));
  if (!found) throw new Error(`no bar button "${label}": ${all.map((b) => b.textContent!.trim()).join(', ')}`);
  return found;
}

/** The focused element, inside shadow roots too. */
export function focused(page: TestPage): Element | null {
  let el = page.doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export { TAGS, axe, describeViolations, inYidu } from './axe-helpers.js';

/** The mouse comes to rest over `target` (near its start), as the caption strip and 指读 see it. */
export async function restPointer(page: TestPage, target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  // Pointer events closer together than 100 ms are thinned out by the caption strip.
  await new Promise((r) => setTimeout(r, 120));
  target.dispatchEvent(new page.win.PointerEvent('pointermove', {
    clientX: box.left + 4, clientY: box.top + box.height / 2, bubbles: true, pointerType: 'mouse',
  } as PointerEventInit));
}

/** The live region's current message. */
export function liveMessage(page: TestPage): string {
  return page.doc.querySelector('yidu-live-region')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '';
}

/**
 * Focuses the test page with its tab in front, so real key presses reach it with their default actions (tests
 * run side by side in several tabs; only the one in front gets real keys in Firefox — scripts/foreground.mjs).
 * Release with `releaseKeyboard()` in afterEach.
 */
export async function focusFrame(page: TestPage): Promise<void> {
  await executeServerCommand('yidu-foreground', { take: true });
  window.focus();
  page.frame.focus();
  page.win.focus();
}

export async function releaseKeyboard(): Promise<void> {
  await executeServerCommand('yidu-foreground', { take: false });
}

/** A real key press (after focusFrame). */
export async function press(page: TestPage, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(page);
}
