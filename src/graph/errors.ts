// Graph failures as short errors a model (and a person) can act on.

export class GraphError extends Error {
  /** A write whose answer was lost (timeout, connection reset, a 503/504 to a POST): it may have taken effect. */
  unknownOutcome = false;
  /** Graph's more specific code in innerError, where a service gives one (Excel's invalidSessionReCreatable). */
  innerCode?: string;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly graphMessage: string,
    readonly requestId?: string,
  ) {
    super(`Graph ${status} ${code}: ${graphMessage}${requestId ? ` (request-id ${requestId})` : ''}`);
  }
}

/** Sign-in is missing or can no longer be refreshed; the message says how to sign in again. */
export class AuthRequiredError extends Error {}

/** An error the model can act on (a tool's or a refused input's): returned as an isError result with this text. */
export class ToolError extends Error {}

/** Builds a GraphError from a Graph error response body (the {"error":{code,message}} envelope). */
export function graphErrorFrom(status: number, body: unknown, requestId?: string): GraphError {
  const err = (body as { error?: { code?: unknown; message?: unknown; innerError?: { code?: unknown } } } | undefined)?.error;
  const code = typeof err?.code === 'string' ? err.code : statusCode(status);
  let message = typeof err?.message === 'string' && err.message ? err.message : defaultMessage(status);
  if (message.length > 300) message = `${message.slice(0, 297)}...`;
  const e = new GraphError(status, code, message, requestId);
  if (typeof err?.innerError?.code === 'string') e.innerCode = err.innerError.code;
  return e;
}

function statusCode(status: number): string {
  return ({ 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 429: 'TooManyRequests', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' } as Record<number, string>)[status] ?? `Http${status}`;
}

function defaultMessage(status: number): string {
  if (status === 429) return 'throttled by Microsoft Graph; try again shortly';
  if (status >= 500) return 'Microsoft Graph is temporarily unavailable; try again shortly';
  return 'request failed';
}
