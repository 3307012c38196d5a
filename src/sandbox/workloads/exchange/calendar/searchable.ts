// What the calendar offers Microsoft Search (workloads/search): the events of the signed-in person's own
// calendars (single events and series), with the words of subject, body and location, organizer: and
// attendees:, the start date, and the event a hit carries (times in UTC, as Graph's search resource has them).

import type { RequestContext } from '../../../graph/types.js';
import type { SearchDocument, Searchable } from '../../../searchable.js';
import { htmlToText } from '../html.js';
import { UTC } from '../time/zones.js';
import type { CalendarState } from './model.js';
import { renderViewItem } from './render/event.js';

const HIT_PROPS = ['id', 'subject', 'bodyPreview', 'start', 'end', 'isAllDay', 'location', 'organizer', 'attendees', 'webLink', 'createdDateTime', 'lastModifiedDateTime', 'type', 'seriesMasterId'];

export function offerEventSearch(state: CalendarState): Searchable {
  return {
    entityTypes: ['event'],
    documents(_type: string, ctx: RequestContext): SearchDocument[] {
      const mb = state.mailboxes.get(ctx.principal.user.id);
      if (!mb) return [];
      return [...mb.events.values()].map((e): SearchDocument => {
        const json = renderViewItem({ kind: 'item', event: e }, { zone: UTC }).json;
        const resource: Record<string, unknown> = { '@odata.type': '#microsoft.graph.event' };
        for (const k of HIT_PROPS) if (json[k] !== undefined) resource[k] = json[k];
        const attendees = e.attendees.map((a) => a.emailAddress);
        return {
          resource,
          hitId: String(json.id),
          title: e.subject,
          body: [e.body.contentType === 'html' ? htmlToText(e.body.content) : e.body.content, e.location.displayName].filter(Boolean).join('\n'),
          properties: {
            subject: e.subject,
            organizer: [e.organizer.name ?? '', e.organizer.address],
            attendees: attendees.flatMap((a) => [a.name ?? '', a.address]),
            location: e.location.displayName,
          },
          dates: { start: new Date(e.startMs).toISOString() },
          people: [e.organizer.address, ...attendees.map((a) => a.address)].map((a) => a.toLowerCase()),
          modified: new Date(e.modifiedMs).toISOString(),
        };
      });
    },
  };
}
