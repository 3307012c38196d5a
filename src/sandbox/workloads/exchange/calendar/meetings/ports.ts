// The calendar's ends of the ports it shares with mail (../../meeting-mail.ts): the MeetingMail it offers, and
// the MeetingTransport it sends meeting mail by once tenant.ts has handed it over. What the seed sent before
// that waits in state.undelivered and goes out, in order, when the transport arrives.

import type { MeetingMail, MeetingTransport } from '../../meeting-mail.js';
import type { CalendarState } from '../model.js';
import { MeetingLedger } from './mail-bridge.js';
import { meetingMail } from './mail-facts.js';

export function offerMeetingMail(state: CalendarState): MeetingMail {
  const ledger = new MeetingLedger(state);
  state.deliver = (msg) => {
    if (state.transport) ledger.deliver(state.transport, msg);
    else state.undelivered.push(msg);
  };
  return meetingMail(ledger);
}

export function useMeetingTransport(state: CalendarState, transport: MeetingTransport): void {
  state.transport = transport;
  for (const queued of state.undelivered.splice(0)) state.deliver(queued);
}
