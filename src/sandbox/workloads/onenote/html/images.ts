// What OneNote learns from an image's bytes: its type (PNG, JPEG, GIF, BMP, TIFF: the kinds it takes) and its
// size in pixels, for the data-src-type and width/height of the output HTML; and the bytes of a data: URL.

export interface ImageInfo {
  type: string;
  width?: number;
  height?: number;
}

/** The image's media type and pixel size from its header, or undefined for bytes that are no image OneNote knows. */
export function sniffImage(b: Buffer): ImageInfo | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47) return { type: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 10 && b.toString('latin1', 0, 4) === 'GIF8') return { type: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 26 && b.toString('latin1', 0, 2) === 'BM') return { type: 'image/bmp', width: b.readInt32LE(18), height: Math.abs(b.readInt32LE(22)) };
  if (b.length >= 4 && (b.toString('latin1', 0, 4) === 'II*\0' || b.toString('latin1', 0, 4) === 'MM\0*')) return { type: 'image/tiff' };
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8) return { type: 'image/jpeg', ...jpegSize(b) };
  return undefined;
}

/** A JPEG's size from its first start-of-frame marker. */
function jpegSize(b: Buffer): { width?: number; height?: number } {
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return {};
    const marker = b[i + 1];
    const length = b.readUInt16BE(i + 2);
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return {};
}

/** The bytes and declared type of a data: URL (base64 or percent-encoded), or undefined when it is not one. */
export function decodeDataUrl(url: string): { bytes: Buffer; type: string } | undefined {
  const m = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(url.trim());
  if (!m) return undefined;
  const base64 = /;base64/i.test(m[2]);
  try {
    const bytes = base64 ? Buffer.from(m[3].replace(/\s+/g, ''), 'base64') : Buffer.from(decodeURIComponent(m[3]), 'utf8');
    return { bytes, type: (m[1] || 'text/plain').toLowerCase() };
  } catch {
    return undefined;
  }
}
