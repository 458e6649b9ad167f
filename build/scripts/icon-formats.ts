/**
 * Minimal writers for Windows .ico and macOS .icns containers holding PNG images (supported since Windows Vista
 * and macOS 10.7). Both formats are a small header plus the PNG files as they are, so no image library is needed.
 */

export interface PngImage {
  size: number;
  png: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checked(images: PngImage[]): PngImage[] {
  for (const img of images) {
    const { width, height } = pngSize(img.png);
    if (width !== img.size || height !== img.size)
      throw new Error(`PNG is ${width}×${height}, expected ${img.size}×${img.size}`);
  }
  return images;
}

/** ICONDIR + one ICONDIRENTRY per image + the PNGs. Sizes up to 256 (256 is written as 0). */
export function writeIco(images: PngImage[]): Uint8Array {
  const list = checked(images);
  if (list.some((i) => i.size > 256)) throw new Error('ICO images are at most 256×256');
  const headerBytes = 6 + 16 * list.length;
  const out = new Uint8Array(headerBytes + list.reduce((n, i) => n + i.png.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true);
  view.setUint16(2, 1, true); // 1 = icon
  view.setUint16(4, list.length, true);
  let offset = headerBytes;
  list.forEach((img, n) => {
    const e = 6 + 16 * n;
    view.setUint8(e, img.size === 256 ? 0 : img.size);
    view.setUint8(e + 1, img.size === 256 ? 0 : img.size);
    view.setUint16(e + 4, 1, true); // colour planes
    view.setUint16(e + 6, 32, true); // bits per pixel
    view.setUint32(e + 8, img.png.length, true);
    view.setUint32(e + 12, offset, true);
    out.set(img.png, offset);
    offset += img.png.length;
  });
  return out;
}

/** PNG-based icns element types by pixel size; @2x types reuse the larger renderings. */
export const ICNS_TYPES: { type: string; size: number }[] = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
];

/** 'icns' + total length, then per element: OSType + length (header included) + PNG. Big-endian. */
export function writeIcns(images: PngImage[]): Uint8Array {
  const bySize = new Map(checked(images).map((i) => [i.size, i.png]));
  const elements = ICNS_TYPES.flatMap(({ type, size }) => {
    const png = bySize.get(size);
    return png ? [{ type, png }] : [];
  });
  const total = 8 + elements.reduce((n, e) => n + 8 + e.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'icns');
  view.setUint32(4, total);
  let offset = 8;
  for (const e of elements) {
    ascii(offset, e.type);
    view.setUint32(offset + 4, 8 + e.png.length);
    out.set(e.png, offset + 8);
    offset += 8 + e.png.length;
  }
  return out;
}
