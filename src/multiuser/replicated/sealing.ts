// Values the server keeps in Redis are sealed with AES-256-GCM under a key from MS365_MCP_ENCRYPTION_KEY_FILE, so
// whoever reads Redis (a backup, a replica of it, an operator) learns nothing and cannot forge or move a value: the
// Redis key it was stored under is the authenticated data, so a sealed value opens only under its own name (one
// person's cache cannot be copied into another's partition). The file holds one key per line; the first seals,
// every one opens. Each value names its key's id, so a new key is put on the first line, the old one kept below
// until every value sealed with it has been rewritten or has expired (docs/deployment.md, "Key rotation").
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';

export class SealingKeyError extends Error {}

interface Key {
  id: string;
  secret: Buffer;
}

export interface Sealer {
  /** The id of the key that seals (the first in the file). */
  currentKeyId: string;
  seal(name: string, plaintext: string): string;
  /** The plaintext, or undefined for a value that is not ours, was tampered with or was moved to another name. */
  open(name: string, sealed: string): string | undefined;
  /** Whether a value was sealed with an older key (rewrite it under the current one). */
  isStale(sealed: string): boolean;
}

const FORMAT = 'm365e1';

/** A key's id: the start of its SHA-256, which says which key sealed a value without revealing the key. */
const keyId = (secret: Buffer) => createHash('sha256').update(secret).digest('base64url').slice(0, 8);

/** A key line: 32 bytes as base64 (`openssl rand -base64 32`) or as 64 hex digits; `#` starts a comment. */
function parseKey(line: string, where: string): Key {
  const text = line.trim();
  const secret = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (secret.length !== 32) throw new SealingKeyError(`${where} is not a 256-bit key: write 32 random bytes as base64 (openssl rand -base64 32) or as 64 hex digits`);
  return { id: keyId(secret), secret };
}

export function sealerFromText(text: string, source: string): Sealer {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
  if (!lines.length) throw new SealingKeyError(`${source} holds no key: write 32 random bytes as base64 (openssl rand -base64 32)`);
  const keys = lines.map((l, i) => parseKey(l, `line ${i + 1} of ${source}`));
  const byId = new Map(keys.map((k) => [k.id, k]));
  const current = keys[0];
  return {
    currentKeyId: current.id,
    seal(name, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.secret, iv);
      cipher.setAAD(Buffer.from(name));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [FORMAT, current.id, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(name, sealed) {
      const [format, id, iv, body] = sealed.split('.');
      const key = byId.get(id ?? '');
      if (format !== FORMAT || !key || !iv || !body) return undefined;
      try {
        const data = Buffer.from(body, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key.secret, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(name));
        decipher.setAuthTag(data.subarray(data.length - 16));
        return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
    isStale: (sealed) => sealed.split('.')[1] !== current.id,
  };
}

/** The sealer of MS365_MCP_ENCRYPTION_KEY_FILE (a Docker or Kubernetes secret). */
export function sealerFromFile(file: string): Sealer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SealingKeyError(`cannot read MS365_MCP_ENCRYPTION_KEY_FILE (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
  }
  return sealerFromText(text, `MS365_MCP_ENCRYPTION_KEY_FILE (${file})`);
}
