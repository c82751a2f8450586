/**
 * The QR code itself, loaded on first use (a separate chunk): lean-qr encodes the address on the device —
 * nothing is sent anywhere — into an SVG path and, on request, a PNG drawn on a canvas.
 *
 * This chunk imports nothing from the rest of yidu, so it never pulls shared code out of the first load.
 */
import { correction, generate, type Bitmap2D } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

/** The quiet zone around the code, in modules (the QR specification asks for 4). */
export const QUIET = 4;
/**
 * Larger versions have modules too small to scan from a screen at the size we show them, so an address
 * that needs more is refused with a message instead of a code no phone can read.
 */
const MAX_VERSION = 25;
/** Smallest size the code is shown at, in CSS px (each module a whole number of px, so edges stay crisp). */
const MIN_DISPLAY = 192;

export interface QrImage {
  /** Width of the code in modules, quiet zone included. */
  modules: number;
  /** CSS px per module. */
  scale: number;
  /** SVG path of the dark modules, in module units, quiet zone excluded. */
  path: string;
}

let last: { url: string; code: Bitmap2D | null } | undefined;

function bitmap(url: string): Bitmap2D | null {
  if (last?.url === url) return last.code;
  let code: Bitmap2D | null = null;
  // Medium error correction when the address fits, low for longer ones (a screen is a clean surface).
  for (const level of [correction.M, correction.L]) {
    try {
      code = generate(url, { minCorrectionLevel: level, maxVersion: MAX_VERSION });
      break;
    } catch {
      /* too long at this level */
    }
  }
  last = { url, code };
  return code;
}

/** The code for `url`, or `null` when the address is too long to make a code that scans. */
export function encode(url: string): QrImage | null {
  const code = bitmap(url);
  if (!code) return null;
  const modules = code.size + 2 * QUIET;
  return { modules, scale: Math.max(2, Math.ceil(MIN_DISPLAY / modules)), path: toSvgPath(code) };
}

/**
 * Saves the code as `<name>.png`. It is drawn from the code's modules on a canvas (no image is loaded, so a strict
 * `img-src` policy does not matter) and handed to the browser as a download of a local blob.
 */
export async function savePng(url: string, name: string): Promise<void> {
  const code = bitmap(url);
  if (!code) return;
  const small = document.createElement('canvas');
  code.toCanvas(small, { pad: QUIET, on: [0, 0, 0, 255], off: [255, 255, 255, 255] });
  const scale = Math.max(8, Math.ceil(512 / small.width));
  const big = document.createElement('canvas');
  big.width = big.height = small.width * scale;
  const ctx = big.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, big.width, big.height);
  const blob = await new Promise<Blob | null>((resolve) => big.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not make a PNG');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  // Characters no file system accepts become spaces.
  a.download = `${name.replace(/[\\/:*?"<>|\s]+/g, ' ').trim().slice(0, 80)}.png`;
  // Not attached to the page: the site sees no extra element and no click.
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
