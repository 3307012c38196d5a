// Answering an invitation: accept, tentatively accept or decline, with a comment to the organizer and,
// for tentative or decline, a proposed new time.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { targetEvent } from './events.js';
import { CALENDAR_OWNER } from './owner.js';
import { EventId, LocalDateTime, LocalStart, OccurrenceDate, TimeZoneName } from './shapes.js';
import { dtz, parseTime, zoneFor } from '../time-zones.js';

const ACTION = { accept: 'accept', tentative: 'tentativelyAccept', decline: 'decline' } as const;

export const respondEvent = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_respond_event',
  title: 'Respond to a meeting invitation',
  description: 'Accept, tentatively accept or decline an invitation (series or one occurrence), with a comment; tentative and decline may propose a new time.',
  kind: 'write',
  scopes: ['Calendars.ReadWrite'],
  orgScopes: ['Calendars.ReadWrite.Shared'],
  input: {
    eventId: EventId,
    occurrenceDate: OccurrenceDate,
    response: z.enum(['accept', 'tentative', 'decline']).describe('Your answer'),
    comment: Text(2000, { trim: false }).optional().describe('Message to the organizer'),
    sendResponse: z.boolean().default(true).describe('false: answer without telling the organizer'),
    proposedStart: LocalStart('Proposed new start').optional(),
    proposedEnd: LocalDateTime('Proposed new end').optional(),
    timeZone: TimeZoneName,
  },
  output: z.object({ eventId: z.string(), response: z.string(), proposed: z.object({ start: z.string(), end: z.string() }).optional(), timeZone: z.string() }),
  handler: async (a, ctx, cal) => {
    const { graph, signal } = ctx;
    const proposing = a.proposedStart !== undefined || a.proposedEnd !== undefined;
    if (proposing && a.response === 'accept') throw new ToolError('A new time can only be proposed with response tentative or decline.');
    if (proposing && !a.sendResponse) throw new ToolError('A new time can only be proposed when the organizer is told (sendResponse true).');
    if (proposing && !(a.proposedStart && a.proposedEnd)) throw new ToolError('Give both proposedStart and proposedEnd to propose a new time.');
    const zone = await zoneFor(ctx, a.timeZone);
    let proposed: { start: string; end: string } | undefined;
    const body: Record<string, unknown> = { sendResponse: a.sendResponse, ...(a.comment ? { comment: a.comment } : {}) };
    if (a.proposedStart && a.proposedEnd) {
      const s = parseTime(a.proposedStart, zone, 'proposedStart');
      const e = parseTime(a.proposedEnd, zone, 'proposedEnd');
      if (e.dt <= s.dt) throw new ToolError(`proposedEnd (${a.proposedEnd}) is not after proposedStart (${a.proposedStart}): give an end later than the start.`);
      body.proposedNewTime = { start: dtz(s.dt, zone), end: dtz(e.dt, zone) };
      proposed = { start: s.dt.toFormat("yyyy-MM-dd'T'HH:mm"), end: e.dt.toFormat("yyyy-MM-dd'T'HH:mm") };
    }
    const id = await targetEvent(graph, cal, a.eventId, a.occurrenceDate, zone, signal);
    await graph.post(`${cal.root}/events/${seg(id)}/${ACTION[a.response]}`, body, { signal });
    return { eventId: id, response: a.response, ...(proposed ? { proposed } : {}), timeZone: zone.label };
  },
  text: (r) => `Responded ${r.response} to event ${r.eventId}${r.proposed ? `, proposing ${r.proposed.start} to ${r.proposed.end} (${r.timeZone})` : ''}.`,
});

export default [respondEvent];
