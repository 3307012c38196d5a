// Microsoft Teams as a sandbox workload: the directory's groups as teams with their channels (standard, private,
// shared) and members, channel messages with their replies, one-on-one, group and meeting chats, sending into both
// under Graph's mention rules and send limits, and reactions, served through Graph v1.0 over a TeamsState seeded from seed/.

import { workload } from '../../workload.js';
import type { TeamsState } from './model.js';
import { offerChatSearch } from './searchable.js';
import { channelMessageRoutes } from './routes-channel-messages.js';
import { chatRoutes } from './routes-chats.js';
import { reactionRoutes } from './routes-reactions.js';
import { teamRoutes } from './routes-teams.js';
import { addMeetingChats, createTeamsState } from './seed/index.js';

export const teamsWorkload = workload<TeamsState>({
  name: 'teams',
  create: (directory) => createTeamsState(directory, Date.now()),
  // The calendar's Teams meetings get their meeting chats (the OnlineMeetings port).
  start: (state, ports) => addMeetingChats(state, ports.onlineMeetings.teamsMeetings(), Date.now()),
  provide: (state) => ({ chatSearch: offerChatSearch(state) }),
  routes: [...teamRoutes, ...channelMessageRoutes, ...chatRoutes, ...reactionRoutes],
});
