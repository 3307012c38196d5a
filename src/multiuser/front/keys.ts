// The sign-in front's signing key (ES256): made once and kept in a 0600 file beside the token cache, so the tokens
// it issued stay valid across restarts (replicas share one in Redis: ../replicated/signing-key.ts). Its public half
// verifies them; nobody else needs it (the front's tokens are for this server only).
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { readFileIfExists, writeFileAtomic } from '../../auth/file-store.js';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** A new private key as a JWK, to be kept. */
export async function newSigningJwk(): Promise<JWK> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(pair.privateKey)), alg: 'ES256', use: 'sig' };
}

/** The key of a kept private JWK. */
export async function signingKeyOf(jwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: await calculateJwkThumbprint(publicJwk),
    privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey,
    publicKey: (await importJWK(publicJwk, 'ES256')) as CryptoKey,
  };
}

export async function signingKey(file: string): Promise<SigningKey> {
  const stored = await readFileIfExists(file);
  let jwk: JWK;
  if (stored) {
    jwk = JSON.parse(stored) as JWK;
  } else {
    jwk = await newSigningJwk();
    await writeFileAtomic(file, JSON.stringify(jwk));
  }
  return signingKeyOf(jwk);
}
