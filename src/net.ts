// What a fetch failure means for retrying, shared by the Graph client and MSAL's network client.

/** Failures that happen before a request leaves this machine: repeating such a request cannot act twice. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** The reason behind a fetch failure, e.g. `ECONNREFUSED`, for logs and error texts. */
export function failureReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

/** True when the request never reached the server, so even a POST may be sent again. */
export const neverSent = (e: unknown): boolean => NOT_CONNECTED.has(failureReason(e));
