/** Whether the device has a pointer to follow: functions that follow a mouse are not offered without one. */

/** True on a touch-only device (a coarse pointer and no fine one): there is no pointer to follow. */
export function touchOnly(win: Window = window): boolean {
  return win.matchMedia('(any-pointer: coarse)').matches && !win.matchMedia('(any-pointer: fine)').matches;
}
