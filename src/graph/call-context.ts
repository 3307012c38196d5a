// The tool call a Graph request belongs to, carried through the call's async work (AsyncLocalStorage), so that the
// Graph client sends the call's correlation id as client-request-id without every tool passing it along.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface CallContext {
  /** Sent to Graph as client-request-id on each of the call's requests (a GUID, as Graph documents it). */
  clientRequestId: string;
  /** The W3C trace id the client sent in the request's _meta.traceparent, when it sent a valid one. */
  traceId?: string;
}

const calls = new AsyncLocalStorage<CallContext>();

export const currentCall = (): CallContext | undefined => calls.getStore();

export function withinCall<T>(call: CallContext, work: () => T): T {
  return calls.run(call, work);
}

/** W3C Trace Context: version-traceid-parentid-flags; a later version may append fields after the flags. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** A call's context from its traceparent: Graph's client-request-id is a GUID, and a trace id is 16 bytes, so the
 *  trace id written as a GUID is what Graph logs and echoes, and a trace can be followed into Graph's logs. Without a
 *  valid traceparent (none, malformed, version ff, all-zero ids) the call gets a fresh GUID of its own. */
export function callContextFrom(traceparent: unknown): CallContext {
  const m = typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent.trim()) : null;
  const valid = m && m[1] !== 'ff' && !(m[1] === '00' && m[5]) && !/^0+$/.test(m[2]) && !/^0+$/.test(m[3]);
  if (!m || !valid) return { clientRequestId: randomUUID() };
  const t = m[2];
  return { traceId: t, clientRequestId: `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}` };
}
