/**
 * The article's images for a file: each same-origin image that loaded is fetched once (the browser's cache
 * usually has it); formats a document cannot hold are redrawn as PNG. Anything that fails stays alt text.
 */
import type { Article, Inline } from './article.js';

export type ImageData = { data: Uint8Array; type: 'png' | 'jpg' | 'gif' | 'bmp' };

/** Fetches each usable image once; anything that fails stays alt text. Same-origin only. */
export async function loadImages(article: Article): Promise<Map<string, ImageData>> {
  const srcs = new Set<string>();
  const visit = (inlines: Inline[]) => {
    for (const i of inlines) if (i.kind === 'image' && i.src) srcs.add(i.src);
  };
  for (const b of article.blocks) {
    if (b.kind === 'table') {
      visit(b.caption);
      for (const c of b.grid.cells) if (c.source) visit(c.source);
    } else visit(b.inlines);
  }
  const out = new Map<string, ImageData>();
  await Promise.all(
    [...srcs].map(async (src) => {
      try {
        const res = await fetch(src, { credentials: 'same-origin' });
        if (!res.ok) return;
        const data = new Uint8Array(await res.arrayBuffer());
        const type = sniff(data);
        if (type) out.set(src, { data, type });
        else {
          const png = await toPng(new Blob([data], { type: res.headers.get('content-type') ?? '' }));
          if (png) out.set(src, { data: png, type: 'png' });
        }
      } catch {
        /* kept as alt text */
      }
    }),
  );
  return out;
}

function sniff(d: Uint8Array): ImageData['type'] | null {
  if (d[0] === 0x89 && d[1] === 0x50 && d[2] === 0x4e && d[3] === 0x47) return 'png';
  if (d[0] === 0xff && d[1] === 0xd8) return 'jpg';
  if (d[0] === 0x47 && d[1] === 0x49 && d[2] === 0x46) return 'gif';
  if (d[0] === 0x42 && d[1] === 0x4d) return 'bmp';
  return null;
}

/** WebP, SVG and other formats Word cannot read are redrawn as PNG. */
async function toPng(blob: Blob): Promise<Uint8Array | null> {
  try {
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const png = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await png.arrayBuffer());
  } catch {
    return null;
  }
}

