// The Teams seed's facts for tests (through testing.ts): each team with its group id and channels (ids, types,
// members of private and shared channels), the posts of a channel, and the chats, all derived from the seed tables
// and the directory, so a test never restates them.

import { seedDirectory } from '../../../directory/module.js';
import { channelId } from '../ids.js';
import { CHANNEL_POSTS } from './index.js';
import type { SeedPost } from './posts.js';
import { SEED_TEAMS } from './teams.js';

export { SEED_CHATS as SEEDED_CHATS } from './chats.js';

export interface SeededChannel {
  id: string;
  name: string;
  membershipType: 'standard' | 'private' | 'shared';
  /** Private and shared channels: their members' UPNs. */
  members: string[];
  /** The thread starters posted in the channel, oldest first, with their replies. */
  posts: SeedPost[];
}

/** A seeded team by name ('Sales', 'Contoso'): its id (its group's) and channels. */
export function seededTeam(name: string): { id: string; name: string; channels: SeededChannel[] } {
  const directory = seedDirectory();
  const seed = SEED_TEAMS.find((t) => t.group === name);
  const group = directory.groups.find((g) => g.displayName === name);
  if (!seed || !group) throw new Error(`the Teams seed has no team ${name}`);
  const upn = (key: string) => `${key}@${directory.domain}`;
  return {
    id: group.id,
    name,
    channels: seed.channels.map((c) => ({
      id: channelId(`${group.id}/${c.name}`),
      name: c.name,
      membershipType: c.type,
      members: (c.members ?? []).map(upn),
      posts: CHANNEL_POSTS[`${name}/${c.name}`] ?? [],
    })),
  };
}

/** Every seeded team's name. */
export const SEEDED_TEAM_NAMES = SEED_TEAMS.map((t) => t.group);
