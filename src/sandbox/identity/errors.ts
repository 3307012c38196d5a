// Errors of the token service, shaped like Entra's: OAuth `error`, an AADSTS-prefixed description with the
// trace/correlation/timestamp trailer, `error_codes`, and (where Entra sends one) a `suberror`. Clients key on
// `error` and `suberror` (MSAL turns consent_required/bad_token into InteractionRequiredAuthError), people read
// the description, so both must look the way they do against the real service.

import { randomUUID } from 'node:crypto';

export interface AadError {
  status: number;
  error: string;
  code: number;
  text: string;
  suberror?: string;
}

/** Entra's timestamp format in error bodies: "2024-05-01 12:34:56Z". */
export function stsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

export function errorBody(err: AadError, correlationId: string, traceId: string, nowMs: number): Record<string, unknown> {
  const timestamp = stsTimestamp(nowMs);
  const body: Record<string, unknown> = {
    error: err.error,
    error_description:
      `AADSTS${err.code}: ${err.text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
  };
  if (err.suberror) body.suberror = err.suberror;
  return body;
}

export const newTraceId = (): string => randomUUID();

const e = (status: number, error: string, code: number, text: string, suberror?: string): AadError =>
  ({ status, error, code, text, suberror });

// Discovery documents answer an unknown tenant with `invalid_tenant`; the OAuth endpoints with `invalid_request`.
export const tenantNotFound = (tenant: string, discovery: boolean): AadError =>
  e(400, discovery ? 'invalid_tenant' : 'invalid_request', 90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. ` +
      'Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.');

export const missingParameter = (name: string): AadError =>
  e(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);

export const postOnly = (method: string): AadError =>
  e(400, 'invalid_request', 900561, `The endpoint only accepts POST requests. Received a ${method} request.`);

export const unknownClient = (clientId: string, tenantId: string): AadError =>
  e(400, 'unauthorized_client', 700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application ` +
      'has not been installed by the administrator of the tenant or consented to by any user in the tenant. ' +
      'You may have sent your authentication request to the wrong tenant.');

export const unsupportedGrantType = (grantType: string): AadError =>
  e(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);

export const invalidScope = (scope: string): AadError =>
  e(400, 'invalid_scope', 70011,
    `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid. ` +
      'The sandbox tenant issues tokens for Microsoft Graph only.');

export const authorizationPending = (): AadError =>
  e(400, 'authorization_pending', 70016,
    'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');

export const deviceCodeExpired = (): AadError =>
  e(400, 'expired_token', 70019, 'Verification code expired.');

export const deviceCodeDeclined = (): AadError =>
  e(400, 'authorization_declined', 65004, 'User declined to authorize the device code request.');

export const badVerificationCode = (): AadError =>
  e(400, 'bad_verification_code', 70018, "The provided value for the input parameter 'device_code' is not valid.");

export const deviceCodeRedeemed = (): AadError =>
  e(400, 'invalid_grant', 54005,
    'OAuth2 device code was already redeemed, please retry with a new valid code or use an existing refresh token.');

// Entra marks unusable refresh tokens with suberror bad_token, which tells MSAL to drop the token from its cache
// and to ask for interaction rather than retry.
export const refreshTokenInvalid = (detail?: string): AadError =>
  e(400, 'invalid_grant', 70000,
    "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid." + (detail ? ` ${detail}` : ''),
    'bad_token');

export const refreshTokenRevoked = (issuedAt: number, revokedAt: number): AadError =>
  e(400, 'invalid_grant', 50173,
    `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or ` +
      `reset their password. The grant was issued on '${new Date(issuedAt).toISOString()}' and the TokensValidFrom date ` +
      `(before which tokens are not valid) for this user is '${new Date(revokedAt).toISOString()}'.`,
    'bad_token');

export const refreshTokenExpired = (issuedAt: number, inactiveDays: number): AadError =>
  e(400, 'invalid_grant', 700082,
    `The refresh token has expired due to inactivity. The token was issued on ${new Date(issuedAt).toISOString()} ` +
      `and was inactive for ${inactiveDays}.00:00:00.`,
    'bad_token');

export const refreshTokenClientMismatch = (): AadError =>
  e(400, 'invalid_grant', 70000,
    "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid. The refresh token was issued to a different client.",
    'client_mismatch');

export const consentRequired = (clientId: string, appName: string, missing: string[]): AadError =>
  e(400, 'invalid_grant', 65001,
    `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. ` +
      `Send an interactive authorization request for this user and resource. Missing scopes: ${missing.join(' ')}.`,
    'consent_required');

export const userDisabled = (): AadError =>
  e(400, 'invalid_grant', 50057, 'The user account is disabled.');

export const userNotFound = (upn: string): AadError =>
  e(400, 'invalid_grant', 50034, `The user account ${upn} does not exist in the directory.`);

export const malformedRequest = (): AadError =>
  e(400, 'invalid_request', 9002313, 'Invalid request. Request is malformed or invalid.');

// The authorization code grant, PKCE, confidential clients and on-behalf-of.
export const resourceMismatch = (): AadError =>
  e(400, 'invalid_target', 9010010, "The resource parameter provided in the request doesn't match with the requested scopes.");

export const multipleResources = (): AadError =>
  e(400, 'invalid_scope', 28000, 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope has to be for one resource only.');

export const pkceRequired = (): AadError =>
  e(400, 'invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.');

export const unsupportedChallengeMethod = (): AadError =>
  e(400, 'invalid_request', 501491, "Invalid size of Code_Challenge parameter or unsupported Code_Challenge_Method; use 'S256'.");

export const codeVerifierMismatch = (): AadError =>
  e(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');

export const codeInvalid = (): AadError =>
  e(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid. The authorization code is not valid.');

export const codeRedeemed = (): AadError =>
  e(400, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');

export const codeExpired = (): AadError =>
  e(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');

export const redirectMismatch = (): AadError =>
  e(400, 'invalid_grant', 50148, 'The redirect_uri provided in the request does not match the one used to obtain the authorization code.');

export const clientSecretMissing = (): AadError =>
  e(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

export const clientSecretInvalid = (clientId: string): AadError =>
  e(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);

export const assertionType = (): AadError =>
  e(400, 'invalid_request', 700016, "client_assertion_type must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.");

export const assertionInvalid = (text: string, code = 700027): AadError => e(401, 'invalid_client', code, text);

export const publicClientSecret = (): AadError =>
  e(401, 'invalid_client', 700025, 'Client is public so neither client_assertion nor client_secret should be presented.');

export const assertionAudience = (): AadError =>
  e(400, 'invalid_grant', 50013, 'Assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: n/a]. Assertion audience does not match the Client app presenting the assertion.');

export const assertionExpired = (): AadError =>
  e(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.');
