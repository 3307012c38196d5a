// Tools never act on the wrong thing (issue 9, items 1, 2 and 6): a blank optional value is refused, never
// taken for "not given"; dates must be dates; ids made of dots, which the URL parser would resolve into
// another route, are refused where path segments are built; the owner parameters take only an address or
// id; blank base64 is no file. Each case checks that the sandbox is unchanged afterwards.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, allPages, call, type Connected, fails, textOf, useSandbox } from './fixtures.js';

type Schema = { type?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[] };
const sb = useSandbox();
let s: Connected;

beforeAll(async () => {
  s = await sb.as(ADELE);
});

const events = async () => allPages(sb, await sb.graphAs(ADELE), '/me/events?$select=id,subject,type&$top=100');

describe('blank and malformed values', () => {
  it('every tool refuses a blank value for an optional text parameter, naming it (free text excepted)', async () => {
    // Free text may be empty: it is content, not a choice of what to act on.
    const FREE_TEXT = new Set(['subject', 'body', 'comment', 'message']);
    const tools = (await s.client.listTools()).tools as unknown as { name: string; inputSchema: Schema }[];
    let checked = 0;
    for (const t of tools) {
      const required = new Set(t.inputSchema.required ?? []);
      for (const [p, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        if (schema.type !== 'string' || required.has(p) || FREE_TEXT.has(p) || p === 'contentBase64') continue;
        for (const blank of ['', '   ']) {
          const r = await call(s.client, t.name, { [p]: blank });
          expect(r.isError, `${t.name}.${p} = ${JSON.stringify(blank)}`).toBe(true);
          // An enum names its allowed values instead.
          if (!schema.enum) expect(textOf(r), `${t.name}.${p}`).toMatch(new RegExp(`${p}[\\s\\S]*(blank|empty)|(blank|empty)[\\s\\S]*${p}`));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('a blank or impossible occurrence date never reaches the whole series', async () => {
    const before = await events();
    const series = before.find((e) => e.type === 'seriesMaster');
    expect(series, 'the seed has a recurring series').toBeDefined();
    for (const occurrenceDate of ['', ' ', '2027-02-30', 'tomorrow']) {
      const text = await fails(s, 'calendar_delete_event', { eventId: series.id, occurrenceDate });
      expect(text).toMatch(/occurrenceDate/);
    }
    expect(await fails(s, 'calendar_update_event', { eventId: series.id, occurrenceDate: '', subject: 'Renamed series' })).toMatch(/blank/);
    const after = await events();
    expect(after.find((e) => e.id === series.id)?.subject).toBe(series.subject);
    expect(after.length).toBe(before.length);
  });
});

describe('ids that would change the path', () => {
  it('dots-only ids and owners are refused, and nothing is read, changed or created elsewhere', async () => {
    const before = await events();
    expect(await fails(s, 'mail_update_message', { ids: ['..'], isRead: true })).toMatch(/'\.\.' is not an id/);
    expect(await fails(s, 'calendar_delete_event', { eventId: '.' })).toMatch(/'\.' is not an id/);
    expect(await fails(s, 'calendar_get_event', { eventId: '..' })).toMatch(/is not an id/);
    expect(await fails(s, 'users_get_user', { user: '.' })).toMatch(/is not an id/);
    expect(await fails(s, 'calendar_create_event', { calendarId: '..', subject: 'Dot path test', start: '2027-03-10T10:00', end: '2027-03-10T11:00' })).toMatch(/is not an id/);
    for (const calendarOwner of ['..', '.', 'not an address']) {
      expect(await fails(s, 'calendar_list_events', { calendarOwner })).toMatch(/calendarOwner[\s\S]*must be an address/);
    }
    const after = await events();
    expect(after.length).toBe(before.length);
    expect(after.some((e) => e.subject === 'Dot path test')).toBe(false);
  });
});

describe('files', () => {
  it('blank base64 is not an empty attachment, and no draft is left behind', async () => {
    const subject = `Blank attachment ${Date.now()}`;
    const text = await fails(s, 'mail_send_message', { to: [ADELE], subject, body: 'x', asDraft: true, attachments: [{ contentBase64: '   ', name: 'empty.txt' }] });
    expect(text).toMatch(/contentBase64 is empty/);
    const drafts = await allPages(sb, await sb.graphAs(ADELE), '/me/mailFolders/drafts/messages?$select=subject&$top=100');
    expect(drafts.some((m) => m.subject === subject)).toBe(false);
  });
});
