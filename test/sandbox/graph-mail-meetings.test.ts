// Meeting mail as Graph types it, over real HTTP in one tenant: an invitation arrives in each internal attendee's
// inbox as an eventMessageRequest, answers reach the organizer as eventMessageResponses, a cancellation is an
// eventMessage with meetingCancelled; each carries exactly the properties the CSDL gives its type, the derived
// ones only through a type cast in $select, and links (GET .../microsoft.graph.eventMessage/event and $expand) to
// the mailbox owner's own copy of the meeting. Updates say what changed and make earlier requests out of date.
import { beforeAll, describe, expect, it } from 'vitest';
import { Csdl } from './csdl.js';
import { addDays, allPages, graph, type GraphAs, send, upn, useSandbox } from '../fixtures.js';

const csdl = Csdl.load();
/** Every property of a message of the given @odata.type, checked against that type in the CSDL (the expanded
 *  event is checked on its own). */
function csdlProblems(msg: Record<string, unknown>): string[] {
  const type = String(msg['@odata.type'] ?? '#microsoft.graph.message').slice(1);
  return csdl.problems(type, msg, ['event', 'event@odata.context']);
}

const cs = useSandbox();
const T: Record<string, GraphAs> = {};
const SCOPES = 'Calendars.ReadWrite Mail.ReadWrite';
beforeAll(async () => {
  for (const who of ['adele.vance', 'lee.gu', 'christie.cline', 'alex.wilber']) T[who] = await cs.graphAs(upn(who), SCOPES);
}, 30_000);

const get = (who: string, path: string, headers: Record<string, string> = {}) => graph(cs, T[who], path, { headers });
const inFolder = async (who: string, folder: string, subject: string, query = '') =>
  (await get(who, `/me/mailFolders/${folder}/messages?$filter=${encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`)}${query}`)).body.value as any[];
/** The requests of the meeting in someone's inbox, by meetingRequestType (they may arrive within one second). */
const requestsByKind = async (who: string, subject: string) => Object.fromEntries((await inFolder(who, 'inbox', subject)).map((m) => [m.meetingRequestType, m]));
const copyOf = async (who: string, iCalUId: string) => (await get(who, `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`)).body.value[0];
const utc = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: 'UTC' });
const at = (date: string, time: string) => ({ dateTime: `${date}T${time}:00.0000000`, timeZone: 'UTC' });
/** Wall time in Los Angeles of a UTC instant, as Outlook writes a dateTime. */
const losAngeles = (date: string, time: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(`${date}T${time}:00Z`));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}:00.0000000`;
};

describe('meeting mail as eventMessages', () => {
  const subject = 'Packaging supplier review';
  let day: string;
  let meeting: any;

  it('a fresh tenant has no meeting messages: the seed sends no invitations', async () => {
    const all = await allPages(cs, T['adele.vance'], '/me/messages?$top=100&$select=subject');
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((m) => m['@odata.type'])).toEqual([]);
  });

  it('a new meeting puts an eventMessageRequest in each internal attendee\'s inbox, linked to their own copy', async () => {
    day = addDays(cs.nextWeek, 1);
    const r = await send(cs, T['adele.vance'], 'POST', '/me/events', {
      subject, body: { contentType: 'HTML', content: '<p>Quotes from three suppliers.</p>' },
      start: utc(day, '15:00'), end: utc(day, '16:00'), location: { displayName: 'Conf Room 4/1101' },
      attendees: ['lee.gu', 'christie.cline', 'alex.wilber'].map((u) => ({ type: 'required', emailAddress: { address: upn(u) } })).concat([
        { type: 'optional', emailAddress: { address: 'sales@fabrikam.example' } },
      ]),
    });
    expect(r.status).toBe(201);
    meeting = r.body;

    for (const who of ['lee.gu', 'christie.cline', 'alex.wilber']) {
      const [msg, ...more] = await inFolder(who, 'inbox', subject);
      expect(more).toEqual([]);
      expect(Object.keys(msg).slice(0, 3)).toEqual(['@odata.type', '@odata.etag', 'id']);
      expect(msg).toMatchObject({
        '@odata.type': '#microsoft.graph.eventMessageRequest',
        meetingMessageType: 'meetingRequest', meetingRequestType: 'newMeetingRequest', type: 'singleInstance',
        isOutOfDate: false, isAllDay: false, isDelegated: false, responseRequested: true, allowNewTimeProposals: true,
        startDateTime: at(day, '15:00'), endDateTime: at(day, '16:00'), location: { displayName: 'Conf Room 4/1101' },
        recurrence: null, previousStartDateTime: null, previousEndDateTime: null, previousLocation: null,
      });
      expect(csdlProblems(msg)).toEqual([]);
      // Where Exchange writes them: the flags after inferenceClassification, times and places after flag.
      const keys = Object.keys(msg);
      expect(keys.slice(keys.indexOf('inferenceClassification') + 1, keys.indexOf('body'))).toEqual([
        'meetingMessageType', 'type', 'isOutOfDate', 'isAllDay', 'isDelegated', 'responseRequested', 'allowNewTimeProposals', 'meetingRequestType',
      ]);
      expect(keys.slice(keys.indexOf('flag') + 1)).toEqual(['startDateTime', 'endDateTime', 'location', 'recurrence', 'previousLocation', 'previousStartDateTime', 'previousEndDateTime']);

      const mine = await copyOf(who, meeting.iCalUId);
      const nav = await get(who, `/me/messages/${msg.id}/microsoft.graph.eventMessage/event`);
      expect(nav.status).toBe(200);
      expect(nav.body['@odata.context']).toMatch(/\/messages\('[^']+'\)\/microsoft\.graph\.eventMessage\/event\/\$entity$/);
      expect(nav.body).toMatchObject({ id: mine.id, iCalUId: meeting.iCalUId, isOrganizer: false, responseStatus: { response: 'notResponded' } });
    }
  });

  it('$expand=microsoft.graph.eventMessage/event (also with $select) and the request\'s own cast, through folders too', async () => {
    const [msg] = await inFolder('lee.gu', 'inbox', subject);
    const mine = await copyOf('lee.gu', meeting.iCalUId);
    const expanded = await get('lee.gu', `/me/messages/${msg.id}?$expand=microsoft.graph.eventMessage/event`);
    expect(expanded.status).toBe(200);
    expect(expanded.body.event).toMatchObject({ id: mine.id, subject, showAs: 'tentative', start: at(day, '15:00') });
    expect(expanded.body['event@odata.context']).toContain('/microsoft.graph.eventMessage/event/$entity');
    const narrow = await get('lee.gu', `/me/mailFolders/inbox/messages/${msg.id}?$expand=microsoft.graph.eventMessage/event($select=subject,start)`);
    expect(Object.keys(narrow.body.event).filter((k) => !k.startsWith('@'))).toEqual(['id', 'subject', 'start']);
    const cast = await get('lee.gu', `/me/mailFolders/inbox/messages/${msg.id}/microsoft.graph.eventMessageRequest/event?$select=responseStatus`);
    expect(cast.body).toMatchObject({ id: mine.id, responseStatus: { response: 'notResponded' } });
    // A request is not a response.
    expect((await get('lee.gu', `/me/messages/${msg.id}/microsoft.graph.eventMessageResponse/event`)).status).toBe(404);
    // In a list, only meeting messages carry the event.
    const list = await get('lee.gu', `/me/mailFolders/inbox/messages?$top=50&$expand=microsoft.graph.eventMessage/event($select=subject)`);
    expect(list.status).toBe(200);
    for (const m of list.body.value) expect('event' in m).toBe(m['@odata.type'] !== undefined);
  });

  it('selects derived properties only through the type cast, and honours Prefer: outlook.timezone', async () => {
    const [msg] = await inFolder('christie.cline', 'inbox', subject);
    const bare = await get('christie.cline', `/me/messages/${msg.id}?$select=subject,meetingMessageType`);
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toBe("Could not find a property named 'meetingMessageType' on type 'microsoft.graph.message'.");
    const sel = '$select=subject,microsoft.graph.eventMessage/meetingMessageType,microsoft.graph.eventMessageRequest/meetingRequestType,microsoft.graph.eventMessage/startDateTime';
    const one = await get('christie.cline', `/me/messages/${msg.id}?${sel}`, { Prefer: 'outlook.timezone="Pacific Standard Time"' });
    expect(one.status).toBe(200);
    expect(one.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    expect(Object.keys(one.body).filter((k) => !k.startsWith('@'))).toEqual(['id', 'subject', 'meetingMessageType', 'meetingRequestType', 'startDateTime']);
    expect(one.body.startDateTime).toEqual({ dateTime: losAngeles(day, '15:00'), timeZone: 'Pacific Standard Time' });
    expect((await get('christie.cline', `/me/messages/${msg.id}?$select=microsoft.graph.eventMessage/responseType`)).status).toBe(400);
    // Plain messages in the same selection keep only what they have.
    const list = await get('christie.cline', `/me/mailFolders/inbox/messages?$top=50&${sel}`);
    for (const m of list.body.value) if (!m['@odata.type']) expect(Object.keys(m).filter((k) => !k.startsWith('@'))).toEqual(['id', 'subject']);
  });

  it('the organizer\'s Sent Items copy is the same request, linked to her own item', async () => {
    const [sent] = await inFolder('adele.vance', 'sentitems', subject, '&$expand=microsoft.graph.eventMessage/event($select=isOrganizer)');
    expect(sent).toMatchObject({ '@odata.type': '#microsoft.graph.eventMessageRequest', meetingMessageType: 'meetingRequest', event: { id: meeting.id, isOrganizer: true } });
    expect(csdlProblems(sent)).toEqual([]);
  });

  it('answers reach the organizer as eventMessageResponses: accepted, a proposal, declined', async () => {
    const answer = async (who: string, action: string, body: object) =>
      expect((await send(cs, T[who], 'POST', `/me/events/${(await copyOf(who, meeting.iCalUId)).id}/${action}`, body)).status).toBe(202);
    await answer('lee.gu', 'accept', { comment: 'See you there.' });
    await answer('christie.cline', 'tentativelyAccept', { proposedNewTime: { start: utc(day, '17:00'), end: utc(day, '18:00') } });
    await answer('alex.wilber', 'decline', { comment: 'On leave.' });

    const cases = [
      { title: `Accepted: ${subject}`, meetingMessageType: 'meetingAccepted', responseType: 'accepted', from: 'lee.gu' },
      { title: `New Time Proposed: ${subject}`, meetingMessageType: 'meetingTenativelyAccepted', responseType: 'tentativelyAccepted', from: 'christie.cline' },
      { title: `Declined: ${subject}`, meetingMessageType: 'meetingDeclined', responseType: 'declined', from: 'alex.wilber' },
    ];
    for (const c of cases) {
      const [msg] = await inFolder('adele.vance', 'inbox', c.title);
      expect(msg).toMatchObject({
        '@odata.type': '#microsoft.graph.eventMessageResponse', meetingMessageType: c.meetingMessageType, responseType: c.responseType,
        type: 'singleInstance', isOutOfDate: false, startDateTime: at(day, '15:00'), from: { emailAddress: { address: upn(c.from) } },
      });
      expect(csdlProblems(msg)).toEqual([]);
      expect(msg).not.toHaveProperty('meetingRequestType');
      const nav = await get('adele.vance', `/me/messages/${msg.id}/microsoft.graph.eventMessage/event?$select=isOrganizer`);
      expect(nav.body).toMatchObject({ id: meeting.id, isOrganizer: true });
    }
    const [proposal] = await inFolder('adele.vance', 'inbox', cases[1].title);
    expect(proposal.proposedNewTime.start.dateTime).toMatch(new RegExp(`^${day}T17:00:00`));
    const [accepted] = await inFolder('adele.vance', 'inbox', cases[0].title);
    // Without a proposal there is no proposedNewTime at all, unless asked for.
    expect(accepted).not.toHaveProperty('proposedNewTime');
    expect((await get('adele.vance', `/me/messages/${accepted.id}?$select=microsoft.graph.eventMessageResponse/proposedNewTime`)).body.proposedNewTime).toBeNull();
    // Alex's declined copy left his calendar: his Sent Items response has no event any more.
    const [alexSent] = await inFolder('alex.wilber', 'sentitems', cases[2].title, '&$expand=microsoft.graph.eventMessage/event');
    expect(alexSent).toMatchObject({ '@odata.type': '#microsoft.graph.eventMessageResponse', event: null });
    expect((await get('alex.wilber', `/me/messages/${alexSent.id}/microsoft.graph.eventMessage/event`)).status).toBe(404);
  });

  it('an update says what changed (fullUpdate for a new time, informationalUpdate otherwise) and outdates the old request', async () => {
    const moved = await send(cs, T['adele.vance'], 'PATCH', `/me/events/${meeting.id}`, { start: utc(day, '17:00'), end: utc(day, '18:00') });
    expect(moved.status).toBe(200);
    const { newMeetingRequest: first, fullUpdate: second } = await requestsByKind('lee.gu', subject);
    expect(first).toMatchObject({ isOutOfDate: true, startDateTime: at(day, '15:00') });
    expect(second).toMatchObject({
      isOutOfDate: false, startDateTime: at(day, '17:00'), endDateTime: at(day, '18:00'),
      previousStartDateTime: at(day, '15:00'), previousEndDateTime: at(day, '16:00'), previousLocation: null,
    });

    expect((await send(cs, T['adele.vance'], 'PATCH', `/me/events/${meeting.id}`, { location: { displayName: 'Conf Room 2/1204' } })).status).toBe(200);
    const { fullUpdate, informationalUpdate: third } = await requestsByKind('lee.gu', subject);
    expect(fullUpdate.isOutOfDate).toBe(true);
    expect(third).toMatchObject({
      isOutOfDate: false, location: { displayName: 'Conf Room 2/1204' },
      previousLocation: { displayName: 'Conf Room 4/1101' }, previousStartDateTime: null, previousEndDateTime: null,
    });
    expect(csdlProblems(third)).toEqual([]);
  });

  it('a copy in another folder is still the meeting message; a plain message has no event', async () => {
    const { newMeetingRequest: request } = await requestsByKind('lee.gu', subject);
    const copied = await send(cs, T['lee.gu'], 'POST', `/me/messages/${request.id}/copy`, { destinationId: 'archive' });
    expect(copied.status).toBe(201);
    expect(copied.body).toMatchObject({ '@odata.type': '#microsoft.graph.eventMessageRequest', meetingMessageType: 'meetingRequest' });
    const plain = (await get('lee.gu', '/me/mailFolders/inbox/messages?$top=50&$select=subject')).body.value.find((m: any) => !m['@odata.type']);
    expect((await get('lee.gu', `/me/messages/${plain.id}/microsoft.graph.eventMessage/event`)).status).toBe(404);
    const expanded = await get('lee.gu', `/me/messages/${plain.id}?$expand=microsoft.graph.eventMessage/event`);
    expect(expanded.status).toBe(200);
    expect(expanded.body).not.toHaveProperty('event');
    expect(expanded.body).not.toHaveProperty('@odata.type');
    expect((await get('lee.gu', `/me/messages/${plain.id}?$expand=event`)).status).toBe(400);
  });

  it('a cancellation is an eventMessage with meetingCancelled, linked to the attendee\'s cancelled copy', async () => {
    expect((await send(cs, T['adele.vance'], 'POST', `/me/events/${meeting.id}/cancel`, { comment: 'Suppliers postponed.' })).status).toBe(202);
    const [msg] = await inFolder('lee.gu', 'inbox', `Canceled: ${subject}`, '&$expand=microsoft.graph.eventMessage/event($select=isCancelled)');
    expect(msg).toMatchObject({
      '@odata.type': '#microsoft.graph.eventMessage', meetingMessageType: 'meetingCancelled', isOutOfDate: false,
      startDateTime: at(day, '17:00'), event: { isCancelled: true },
    });
    expect(msg).not.toHaveProperty('meetingRequestType');
    expect(msg).not.toHaveProperty('responseType');
    expect(csdlProblems({ ...msg, event: undefined })).toEqual([]);
    expect((await get('lee.gu', `/me/messages/${msg.id}/microsoft.graph.eventMessageRequest/event`)).status).toBe(404);
    // Every request before it is now out of date.
    expect((await inFolder('lee.gu', 'inbox', subject)).map((m) => m.isOutOfDate)).toEqual([true, true, true]);
  });
});
