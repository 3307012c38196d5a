// The sandbox's faults (issue 9 item 31) act where Graph's and Entra's do: inside a $batch (one member
// throttled, the others served), on the identity platform's endpoints (opt-in), and with latency applied
// after the request is read (a client that gives up loses the answer, not the write).
import { describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../src/sandbox/index.js';
import { ADELE, allPages, graph, useSandbox } from '../fixtures.js';

const sb = useSandbox();

describe('sandbox faults', () => {
  it('inside a $batch: the matching member gets the status and Retry-After, the others are served', async () => {
    const token = await sb.graphAs(ADELE, 'User.Read Mail.Read');
    sb.faults.add({ method: 'GET', path: '^/me$', status: 429, retryAfter: 3 });
    const r = await graph(sb, token, '/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me/mailFolders?$top=1' }] } });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.body.responses.map((x: { id: string }) => [x.id, x]));
    expect(byId['1']).toMatchObject({ status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'TooManyRequests' } } });
    expect(byId['2'].status).toBe(200);
    sb.faults.clear();
  });

  it("a usage limit throttles OneDrive and SharePoint as they do: activityLimitReached, Retry-After and RateLimit headers, then served again", async () => {
    const token = await sb.graphAs(ADELE, 'Files.Read User.Read');
    sb.faults.add({ path: '^/me/drive', rate: { requests: 3, perSeconds: 2 } });
    try {
      for (let i = 0; i < 3; i++) expect((await graph(sb, token, '/me/drive/root/children')).status).toBe(200);
      const throttled = await graph(sb, token, '/me/drive/root/children');
      expect(throttled.status).toBe(429);
      expect(throttled.body.error).toMatchObject({ code: 'activityLimitReached', message: 'The request has been throttled' });
      const wait = Number(throttled.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(2);
      expect(throttled.headers.get('ratelimit-limit')).toBe('3');
      expect(throttled.headers.get('ratelimit-remaining')).toBe('0');
      // Other services are not counted; after the wait Graph serves again.
      expect((await graph(sb, token, '/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, wait * 1000 + 100));
      expect((await graph(sb, token, '/me/drive/root/children')).status).toBe(200);
    } finally {
      sb.faults.clear();
    }
  });

  it("on the identity platform, when asked for: Entra's transient error, then served again", async () => {
    sb.faults.add({ identity: true, method: 'POST', path: '/oauth2/v2.0/token$', status: 503, retryAfter: 1 });
    const post = () => fetch(`${sb.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&client_id=x&refresh_token=nope' });
    const down = await post();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('1');
    expect(await down.json()).toMatchObject({ error: 'temporarily_unavailable', error_codes: [90033] });
    const up = await post();
    expect(up.status).toBe(400); // the endpoint itself again: a bad refresh token
  });

  it('latency after the request is read: a client that gives up loses the answer, and the write still happens', async () => {
    const token = await sb.graphAs(ADELE, 'Mail.ReadWrite');
    const subject = `Slow write ${Date.now()}`;
    sb.faults.add({ method: 'POST', path: '^/me/messages$', latencyMs: 1500 });
    const gaveUp = await fetch(`${sb.url}/v1.0/me/messages`, { method: 'POST', headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ subject }), signal: AbortSignal.timeout(200) }).catch((e: Error) => e);
    expect(gaveUp).toBeInstanceOf(Error);
    await new Promise((r) => setTimeout(r, 1800));
    const drafts = await allPages(sb, token, '/me/mailFolders/drafts/messages?$select=subject&$top=100');
    expect(drafts.filter((m) => m.subject === subject)).toHaveLength(1);
  });
});
