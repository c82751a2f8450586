/** Colour maths for the contrast rules (WCAG 2.x relative luminance and contrast ratio). */

export type RGBA = [r: number, g: number, b: number, a: number];

/** Parses the `rgb()` / `rgba()` strings getComputedStyle returns; anything else is `null`. */
export function parseColor(value: string): RGBA | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!m) return null;
  let alpha = 1;
  if (m[4] !== undefined) alpha = m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` painted over an opaque `bottom`. */
export function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [
    top[0] * a + bottom[0] * (1 - a),
    top[1] * a + bottom[1] * (1 - a),
    top[2] * a + bottom[2] * (1 - a),
    1,
  ];
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: RGBA): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour closest to `fg` (mixed towards black on light backgrounds, white on dark) that reaches `ratio`
 * against `bg`. Keeps the hue the site chose as far as the ratio allows.
 */
export function ensureContrast(fg: RGBA, bg: RGBA, ratio: number): RGBA {
  const solid = over(fg, bg);
  if (contrast(solid, bg) >= ratio) return solid;
  const target: RGBA = luminance(bg) > 0.18 ? [0, 0, 0, 1] : [255, 255, 255, 1];
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (contrast(mix(solid, target, mid), bg) >= ratio) hi = mid;
    else lo = mid;
  }
  return mix(solid, target, hi);
}

function mix(a: RGBA, b: RGBA, t: number): RGBA {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
    1,
  ];
}

export function toCss([r, g, b]: RGBA): string {
  return `rgb(${r} ${g} ${b})`;
}
