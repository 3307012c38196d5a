// The tenant's token-signing key: one RSA key (RS256, like Entra), persisted as a private JWK when a state
// directory is configured so that tokens issued before a restart still verify after it.

import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { readJsonFile, writeFileAtomic } from './state-file.js';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Public parts only, for the JWKS document. */
  publicJwk: JWK;
}

const KEY_FILE = 'signing-key.json';

interface StoredKey {
  version: 1;
  createdAt: string;
  jwk: JWK;
}

export async function loadOrCreateSigningKey(stateDir: string | undefined, log: (line: string) => void): Promise<SigningKey> {
  const file = stateDir ? join(stateDir, KEY_FILE) : undefined;
  if (file) {
    try {
      const stored = (await readJsonFile(file)) as StoredKey | undefined;
      if (stored) return await fromPrivateJwk(stored.jwk);
    } catch (err) {
      // A damaged key file cannot be repaired; a new key only invalidates outstanding access tokens, and the
      // refresh tokens (opaque, stored separately) keep working, so replacing it is the least harmful choice.
      log(`identity: signing key in ${file} is unreadable (${(err as Error).message}); generating a new one`);
    }
  }
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const key = await fromPrivateJwk(jwk);
  if (file) {
    const stored: StoredKey = { version: 1, createdAt: new Date().toISOString(), jwk: { ...jwk, kid: key.kid } };
    await writeFileAtomic(file, JSON.stringify(stored, null, 2) + '\n');
    log(`identity: new signing key ${key.kid} saved to ${file}`);
  }
  return key;
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  if (jwk.kty !== 'RSA' || !jwk.d || !jwk.n || !jwk.e) throw new Error('not a private RSA JWK');
  const publicJwk: JWK = { kty: 'RSA', n: jwk.n, e: jwk.e };
  // Entra's kids are opaque base64url strings; the RFC 7638 thumbprint is stable and just as opaque.
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateKey = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const publicKey = (await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, use: 'sig' } };
}
