/** Decodes QR codes the way a phone would see them: jsQR on the pixels of what an element really drew. */

type JsQr = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

/** jsQR, loaded once into the test page. */
export async function jsQR(): Promise<JsQr> {
  const w = window as unknown as { jsQR?: JsQr };
  if (!w.jsQR) {
    const s = document.createElement('script');
    s.src = '/node_modules/jsqr/dist/jsQR.js';
    await new Promise((r, j) => { s.onload = r; s.onerror = j; document.head.append(s); });
  }
  return w.jsQR!;
}

export async function decodeImage(source: CanvasImageSource, width: number, height: number): Promise<string | null> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source, 0, 0, width, height);
  return (await jsQR())(ctx.getImageData(0, 0, width, height).data, width, height)?.data ?? null;
}

/** Decodes the SVG an element drew, at its own CSS size. */
export async function decodeSvg(svg: SVGSVGElement): Promise<string | null> {
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  const img = new Image();
  img.src = url;
  await img.decode();
  URL.revokeObjectURL(url);
  const { width, height } = svg.getBoundingClientRect();
  return decodeImage(img, Math.round(width), Math.round(height));
}
