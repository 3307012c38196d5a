// The sandbox's check of a client assertion's lifetime, as Entra's: a clock skew of 5 minutes either way (MSAL rounds
// nbf to the nearest second, so a fresh assertion may start up to half a second ahead), and AADSTS700024 beyond it.
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import selfsigned from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { assertionError, AUTHORITY_HOST, JWT_BEARER_ASSERTION, registeredCertificate } from '../../src/sandbox/testing.js';

const APP = 'c5e1a9d3-7f4b-4e2c-8a6d-3b9f1e7c5a20';

describe('client assertion lifetime', () => {
  it('accepts one whose times are off by less than 5 minutes, and refuses one beyond with AADSTS700024', async () => {
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'assertion-test' }], { notAfterDate: new Date(Date.now() + 86_400_000), keyType: 'rsa', keySize: 2048 });
    const cert = registeredCertificate(pems.cert);
    const key = createPrivateKey(pems.private);
    const now = Math.floor(Date.now() / 1000);
    const form = async (nbf: number, exp: number) => new URLSearchParams({
      client_assertion_type: JWT_BEARER_ASSERTION,
      client_assertion: await new SignJWT({ nbf }).setProtectedHeader({ alg: 'RS256', 'x5t#S256': cert.sha256 }).setIssuer(APP).setSubject(APP).setAudience(`${AUTHORITY_HOST}/tenant/oauth2/v2.0/token`).setIssuedAt(nbf).setExpirationTime(exp).sign(key),
    });
    const check = async (nbf: number, exp: number) => (await assertionError([cert], await form(nbf, exp), APP, Date.now()))?.code;
    expect(await check(now + 1, now + 600)).toBeUndefined();
    expect(await check(now - 600, now - 200)).toBeUndefined();
    expect(await check(now + 400, now + 900)).toBe(700024);
    expect(await check(now - 900, now - 400)).toBe(700024);
  });
});
