// The event a meeting message is about, through the message's type cast: GET
// {message}/microsoft.graph.eventMessage/event (or the eventMessageRequest / eventMessageResponse cast) answers
// the mailbox owner's own event, as the invitee's copy of the meeting or the organizer's item for a response,
// rendered as the calendar renders it (with $select and Prefer: outlook.timezone). A message that is not of the
// cast type, or whose event is gone (declined, deleted), has no such event: 404, as for any missing item.

import { readOptions } from '../../../odata/options.js';
import type { GraphResponse } from '../../../graph/types.js';
import { EXCHANGE_DECIDES, openMailbox } from './access.js';
import { itemNotFound } from '../errors.js';
import { castType, isA } from './event-message.js';
import { eventContextOf, mailPreferences } from './message-query.js';
import { bothPaths, messageOf } from './message-routes.js';
import type { MailContext, MailRoute } from './route-types.js';

const CASTS = ['microsoft.graph.eventMessage', 'microsoft.graph.eventMessageRequest', 'microsoft.graph.eventMessageResponse'];

function messageEvent(ctx: MailContext): GraphResponse {
  // The event shows its body: plain Mail.ReadBasic does not reach it.
  const { box } = openMailbox(ctx, 'read');
  const m = messageOf(ctx, box);
  const cast = castType(ctx.segments.find((s) => castType(s)) ?? '')!;
  const pref = mailPreferences(ctx);
  const meetings = ctx.state.meetings;
  const facts = meetings.describe(box.owner.id, m.internetMessageId, pref.zone);
  if (!facts || !isA(facts.odataType, cast) || facts.eventId === null) throw itemNotFound();
  const event = meetings.renderEvent(box.owner.id, facts.eventId, { zone: pref.zone, bodyType: pref.bodyType, select: readOptions(ctx.req).get('$select') });
  if (!event) throw itemNotFound();
  return { status: 200, headers: pref.headers, body: { '@odata.context': eventContextOf(ctx, m), ...event } };
}

export const eventRoutes: MailRoute[] = CASTS.flatMap((cast) => bothPaths(`/{mid}/${cast}/event`, { method: 'GET', scopes: EXCHANGE_DECIDES, handler: messageEvent }));
