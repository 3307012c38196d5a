// The meeting chats of the calendar's Teams meetings (the OnlineMeetings port): one chat per meeting an enabled
// person organizes, its id the thread of the meeting's join link, its members the organizer and the attendees, tied
// to the organizer's event; and what was said in some of them (keyed by the meeting's subject): calls that ended,
// notes after a meeting, a pre-read before one. Dates and syntax as seed/posts.ts describes.

import type { TeamsMeeting } from '../../../online-meetings.js';
import type { StoredChat, TeamsState } from '../model.js';
import { buildPosts, type SeedContext, type SeedPost } from './posts.js';

const POSTS: Record<string, SeedPost[]> = {
  'Sales leadership sync': [
    { at: [1, 1, '16:31'], by: 'alex.wilber', system: { kind: 'callEnded', minutes: 31, participants: ['alex.wilber', 'adele.vance', 'christie.cline'] } },
    { at: [1, 1, '16:34'], by: 'alex.wilber', text: 'Action items: @{adele.vance} sends the December close list, @{christie.cline} the EMEA forecast.' },
    { at: [0, 1, '15:50'], by: 'christie.cline', text: 'Running five minutes late today, start without me.' },
  ],
  'Adele / Alex 1:1': [
    { at: [1, 4, '18:31'], by: 'alex.wilber', system: { kind: 'callEnded', minutes: 30, participants: ['alex.wilber', 'adele.vance'] } },
    { at: [1, 4, '18:33'], by: 'adele.vance', text: 'Thanks Alex. I will send the Wingtip numbers tomorrow.' },
  ],
  'Engineering stand-up': [
    { at: [1, 5, '17:46'], by: 'grady.archie', system: { kind: 'callEnded', minutes: 15, participants: ['grady.archie', 'lynne.robbins'] } },
    { at: [1, 5, '17:47'], by: 'lynne.robbins', text: 'Release train is green for Monday.' },
  ],
  'Executive staff meeting': [
    { at: [1, 2, '17:01'], by: 'patti.fernandez', system: { kind: 'callEnded', minutes: 60, participants: ['patti.fernandez', 'lee.gu', 'megan.bowen', 'alex.wilber', 'nestor.wilke'] } },
    { at: [1, 2, '17:05'], by: 'patti.fernandez', text: 'Thanks all. @{nestor.wilke} please circulate the operating plan template.' },
  ],
  'Q3 roadmap review': [
    { at: [1, 3, '16:00'], by: 'lee.gu', text: 'Pre-read for next week: the architecture review.', files: [['~lee.gu', '/Architecture review.docx']] },
  ],
  'Contoso all hands': [
    { at: [0, 1, '16:00'], by: 'diego.siciliani', text: 'Questions for the all hands can go in this chat or in the town hall thread in the Contoso team.' },
  ],
};

/** The thread of a Teams join link (`.../meetup-join/19%3ameeting_xyz%40thread.v2/0?...`): the meeting chat's id. */
export function meetingChatId(joinUrl: string): string {
  const segment = new URL(joinUrl).pathname.split('/')[3] ?? '';
  return decodeURIComponent(segment);
}

/** The chats of the meetings, each with what was said in it. Authors and mentions must be the meeting's people. */
export function meetingChats(ctx: SeedContext, state: TeamsState, meetings: TeamsMeeting[]): StoredChat[] {
  return meetings
    .filter((m) => state.directory.findUser(m.organizerId)?.accountEnabled)
    .map((m): StoredChat => {
      const people = [m.organizerId, ...m.attendeeIds.filter((id) => state.directory.findUser(id)?.accountEnabled)];
      const messages = buildPosts(ctx, POSTS[m.subject] ?? []);
      for (const x of messages) {
        const outsiders = [x.fromUserId, ...x.mentions.map((y) => y.userId)].filter((id) => id !== null && !people.includes(id));
        if (outsiders.length) throw new Error(`seed: the meeting chat of ${m.subject} has a message by or mentioning someone not in the meeting`);
      }
      return {
        id: meetingChatId(m.joinUrl),
        chatType: 'meeting',
        topic: m.subject,
        createdMs: m.createdMs,
        members: people.map((userId, i) => ({ userId, roles: i === 0 ? ['owner'] : [], visibleHistoryStartDateTime: '0001-01-01T00:00:00Z' })),
        messages,
        onlineMeetingInfo: { calendarEventId: m.eventId, joinWebUrl: m.joinUrl, organizerId: m.organizerId },
        lastRead: new Map(people.map((id) => [id, Math.max(m.createdMs, ...messages.map((x) => x.modifiedMs))])),
      };
    });
}
