// A file's hashes as OneDrive for Business gives them: quickXorHash (Microsoft's 160-bit XOR-and-shift hash, which
// clients such as rclone and the OneDrive sync client verify downloads with) and sha256Hash. Computed once per
// content (contents are never changed in place, only replaced), so listings of large files stay cheap.

import { createHash } from 'node:crypto';

const WIDTH = 160;
const SHIFT = 11;
const memo = new WeakMap<Buffer, { quickXorHash: string; sha256Hash: string }>();

/** Byte j is XORed into a 160-bit circular register at bit (11 * j) mod 160; the length, little-endian, is XORed
 *  into the last 8 of its 20 bytes. Bytes whose positions agree mod 160 land on the same bits, so they are
 *  folded first and placed once. */
export function quickXorHash(bytes: Buffer): string {
  const folded = new Uint8Array(WIDTH);
  for (let j = 0; j < bytes.length; j++) folded[j % WIDTH] ^= bytes[j];
  const register = new Uint8Array(WIDTH / 8);
  for (let k = 0; k < WIDTH; k++) {
    if (!folded[k]) continue;
    const offset = (k * SHIFT) % WIDTH;
    for (let bit = 0; bit < 8; bit++) {
      if (!(folded[k] & (1 << bit))) continue;
      const at = (offset + bit) % WIDTH;
      register[at >> 3] ^= 1 << (at & 7);
    }
  }
  let length = BigInt(bytes.length);
  for (let i = 0; i < 8; i++, length >>= 8n) register[WIDTH / 8 - 8 + i] ^= Number(length & 0xffn);
  return Buffer.from(register).toString('base64');
}

export function hashesOf(content: Buffer): { quickXorHash: string; sha256Hash: string } {
  let h = memo.get(content);
  if (!h) memo.set(content, (h = { quickXorHash: quickXorHash(content), sha256Hash: createHash('sha256').update(content).digest('hex').toUpperCase() }));
  return h;
}
