// Cancelling and deleting. The organizer's `cancel` (with an optional comment) and the organizer's DELETE of a
// meeting both remove it from the organizer's calendar and send attendees a cancellation; their copies stay,
// marked isCancelled with "Canceled: " before the subject, until they remove them. For one occurrence, the
// occurrence goes from every copy of the series. An attendee's DELETE removes only their own item; an
// attendee cannot cancel.

import { invalidRequest } from '../../errors.js';
import type { CalendarMailbox, CalendarState } from '../model.js';
import { meetingCopies, touch, type EventRef } from '../store.js';
import { attendeeMailboxes } from './invite.js';
import { cancellation, send } from './messages.js';
import { cancelOccurrence } from './occurrences.js';

export function removeEvent(state: CalendarState, mb: CalendarMailbox, ref: EventRef, opts: { cancel: boolean; comment?: string }): void {
  const item = ref.kind === 'item' ? ref.event : ref.instance.master;
  if (opts.cancel && !item.isOrganizer) throw invalidRequest("Your request can't be completed. You need to be an organizer to cancel a meeting.");
  const now = state.now();
  const isMeeting = item.isOrganizer && attendeeMailboxes(state, item, mb).length > 0;
  const copies = isMeeting ? meetingCopies(state, item.iCalUId, mb).filter((c) => !c.event.isOrganizer) : [];

  if (ref.kind === 'item') mb.events.delete(item.key);
  else {
    cancelOccurrence(item, ref.instance.originalStartMs);
    touch(item, now);
  }
  if (!isMeeting) return;

  for (const c of copies) {
    if (ref.kind === 'item') {
      c.event.isCancelled = true;
      c.event.subject = `Canceled: ${item.subject}`;
    } else cancelOccurrence(c.event, ref.instance.originalStartMs);
    touch(c.event, now);
  }
  const instance = ref.kind === 'instance' ? ref.instance : undefined;
  send(state, cancellation({ event: instance?.exception ?? item, instance, from: item.organizer, targets: copies, now }, opts.comment ?? ''));
}
