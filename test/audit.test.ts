// The audit line's facts and the trace context, as pure rules: ids named by address are logged as their domain,
// recipients only by domain, and only a valid W3C traceparent becomes Graph's client-request-id.
import { describe, expect, it } from 'vitest';
import { callContextFrom } from '../src/graph/call-context.js';
import { factsFromArgs, recipientDomains, safeTargets } from '../src/tools/audit.js';

describe('audit facts', () => {
  it('takes ids and recipients from the arguments, one object down, and never keeps an address', () => {
    const facts = factsFromArgs({ id: 'AAMk1', mailbox: 'support@contoso.com', to: ['Kim Akers <kim@Fabrikam.COM>', 'lee@contoso.com'], event: { eventId: 'EV1' }, attendees: [{ address: 'x@litware.example' }], subject: 'secret' });
    expect(safeTargets(facts.targets ?? [])).toEqual(['AAMk1', 'EV1']);
    expect(recipientDomains(facts.recipients ?? [])).toEqual(['contoso.com', 'fabrikam.com', 'litware.example']);
    expect(safeTargets(['megan@contoso.com', 'AAMk1', 'AAMk1'])).toEqual(['@contoso.com', 'AAMk1']);
  });
});

describe('trace context', () => {
  it('writes a valid traceparent\'s trace id as a GUID; anything else gets a fresh GUID and no trace id', () => {
    expect(callContextFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', clientRequestId: '4bf92f35-77b3-4da6-a3ce-929d0e0e4736' });
    // A later version may carry more fields; version 00 may not.
    expect(callContextFrom('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra').traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    for (const bad of [undefined, 42, '', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra']) {
      const c = callContextFrom(bad);
      expect(c.traceId, String(bad)).toBeUndefined();
      expect(c.clientRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
