// Certificate credentials, as Entra checks them: a confidential client proves itself with a JWT (RFC 7523) it signed
// with the private key of a certificate registered on its app. The header names the certificate by its SHA-256 (or
// SHA-1) thumbprint; the signature must verify with that certificate's key; iss and sub are the client, aud the
// token endpoint, and the assertion must be within its lifetime.
import { createHash, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, errors, importX509, jwtVerify } from 'jose';
import { AUTHORITY_HOST } from './authority.js';
import * as E from './errors.js';
import type { AadError } from './errors.js';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The clock skew Entra allows when it checks a client assertion's nbf and exp. */
const CLOCK_SKEW_SECONDS = 300;

export interface RegisteredCertificate {
  pem: string;
  sha256: string;
  sha1: string;
}

/** A PEM certificate with its thumbprints, base64url as JWT headers carry them (x5t#S256, x5t). */
export function registeredCertificate(pem: string): RegisteredCertificate {
  const der = new X509Certificate(pem).raw;
  return { pem, sha256: createHash('sha256').update(der).digest('base64url'), sha1: createHash('sha1').update(der).digest('base64url') };
}

export async function assertionError(certificates: readonly RegisteredCertificate[], form: URLSearchParams, clientId: string, nowMs: number): Promise<AadError | undefined> {
  if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) return E.assertionType();
  const assertion = form.get('client_assertion') ?? '';
  let header;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return E.assertionInvalid('The client assertion is not a JWT.');
  }
  const print = (header['x5t#S256'] as string | undefined) ?? header.x5t;
  const cert = certificates.find((c) => c.sha256 === print || c.sha1 === print);
  if (!cert) return E.assertionInvalid(`Client assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: '${print ?? 'none'}']`);
  try {
    const key = await importX509(cert.pem, header.alg ?? 'RS256');
    // Entra validates times with .NET's default clock skew of 5 minutes. MSAL rounds the assertion's nbf to the
    // nearest second, so without a tolerance one signed in the second half of a second is "not yet valid".
    const { payload } = await jwtVerify(assertion, key, { issuer: clientId, subject: clientId, currentDate: new Date(nowMs), clockTolerance: CLOCK_SKEW_SECONDS, requiredClaims: ['exp', 'aud'] });
    // The token endpoint of this authority, under whichever tenant name the client used.
    const aud = [payload.aud].flat();
    if (!aud.some((a) => typeof a === 'string' && a.startsWith(`${AUTHORITY_HOST}/`) && /\/oauth2\/(v2\.0\/)?token$/.test(a))) {
      return E.assertionInvalid('The client assertion\'s aud claim is not valid: it must be the token endpoint.', 700023);
    }
  } catch (e) {
    if (e instanceof errors.JWTExpired || (e instanceof errors.JWTClaimValidationFailed && e.claim === 'nbf')) return E.assertionInvalid('The client assertion is not within its valid time range.', 700024);
    if (e instanceof errors.JWTClaimValidationFailed) return E.assertionInvalid(`The client assertion's ${e.claim} claim is not valid: iss and sub must be the client id, aud the token endpoint.`, 700023);
    return E.assertionInvalid('Client assertion failed signature validation.');
  }
  return undefined;
}
