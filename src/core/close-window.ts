/** 关闭窗口: browsers only let a page close a window that a script opened; otherwise we say so. */
import { announce } from './announce.js';

export function closeWindow(refusedMessage: string, win: Window = window): void {
  win.close();
  // A refused close() fails silently; `closed` tells us after the browser had its chance.
  setTimeout(() => {
    if (!win.closed) announce(refusedMessage);
  }, 150);
}
