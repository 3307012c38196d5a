// Teams, channels and conversation members as Graph shows them, and how the OData engine sees each: a team's
// settings and summary, a channel's membership type and deep link, a member as an aadUserConversationMember.

import { SANDBOX_TENANT_ID } from '../../contract.js';
import type { DirectoryUser } from '../../directory/directory.js';
import type { EntityType, PropSpec } from '../../odata/entity.js';
import type { StoredChannel, StoredTeam, TeamsState } from './model.js';
import { teamsDialect } from './query.js';

type Rec = Record<string, unknown>;

const specs = (names: readonly string[], typed: Record<string, PropSpec> = {}): Record<string, PropSpec> =>
  Object.fromEntries(names.map((n) => [n, typed[n] ?? { type: 'string' as const }]));

/** Who is in a team: the group's members and owners, owners first in their own right. */
export function teamPeople(state: TeamsState, team: StoredTeam): { user: DirectoryUser; owner: boolean }[] {
  const group = state.directory.findGroup(team.id);
  if (!group) return [];
  const owners = new Set(group.owners.map((o) => o.toLowerCase()));
  const upns = [...new Set([...group.owners, ...group.members].map((u) => u.toLowerCase()))];
  return upns.map((upn) => ({ user: state.directory.findUser(upn)!, owner: owners.has(upn) })).filter((p) => p.user);
}

export function renderTeam(state: TeamsState, team: StoredTeam): Rec {
  const people = teamPeople(state, team);
  const general = encodeURIComponent(team.generalChannelId);
  return {
    id: team.id,
    createdDateTime: team.createdDateTime,
    displayName: team.displayName,
    description: team.description,
    internalId: team.generalChannelId,
    classification: null,
    specialization: 'none',
    visibility: team.visibility,
    webUrl: `https://teams.microsoft.com/l/team/${general}/conversations?groupId=${team.id}&tenantId=${SANDBOX_TENANT_ID}`,
    isArchived: false,
    tenantId: SANDBOX_TENANT_ID,
    memberSettings: { allowCreateUpdateChannels: true, allowCreatePrivateChannels: true, allowDeleteChannels: true, allowAddRemoveApps: true, allowCreateUpdateRemoveTabs: true, allowCreateUpdateRemoveConnectors: true },
    guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
    messagingSettings: { allowUserEditMessages: true, allowUserDeleteMessages: true, allowOwnerDeleteMessages: true, allowTeamMentions: true, allowChannelMentions: true },
    funSettings: { allowGiphy: true, giphyContentRating: 'moderate', allowStickersAndMemes: true, allowCustomMemes: true },
    summary: { ownersCount: people.filter((p) => p.owner).length, membersCount: people.filter((p) => !p.owner).length, guestsCount: 0 },
  };
}

const TEAM_PROPS = ['id', 'createdDateTime', 'displayName', 'description', 'internalId', 'classification', 'specialization', 'visibility', 'webUrl', 'isArchived', 'tenantId', 'memberSettings', 'guestSettings', 'messagingSettings', 'funSettings', 'summary'];
const SETTINGS: PropSpec = { type: 'object' };
export const teamEntity: EntityType<Rec> = {
  name: 'microsoft.graph.team',
  properties: specs(TEAM_PROPS, { isArchived: { type: 'boolean' }, createdDateTime: { type: 'datetime' }, memberSettings: SETTINGS, guestSettings: SETTINGS, messagingSettings: SETTINGS, funSettings: SETTINGS, summary: SETTINGS }),
  defaultSelect: TEAM_PROPS,
  pageSize: { default: 1000, max: 1000 },
  dialect: teamsDialect,
};

/** /me/joinedTeams: Graph returns only the id, name and description of each (a documented known issue). */
export const joinedTeamEntity: EntityType<Rec> = { ...teamEntity, defaultSelect: ['id', 'displayName', 'description'] };

export function renderChannel(team: StoredTeam, c: StoredChannel): Rec {
  return {
    id: c.id,
    createdDateTime: c.createdDateTime,
    displayName: c.displayName,
    description: c.description,
    isFavoriteByDefault: c.isFavoriteByDefault,
    email: c.email,
    tenantId: SANDBOX_TENANT_ID,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.displayName)}?groupId=${team.id}&tenantId=${SANDBOX_TENANT_ID}`,
    membershipType: c.membershipType,
    isArchived: false,
  };
}

const CHANNEL_PROPS = ['id', 'createdDateTime', 'displayName', 'description', 'isFavoriteByDefault', 'email', 'tenantId', 'webUrl', 'membershipType', 'isArchived'];
export const channelEntity: EntityType<Rec> = {
  name: 'microsoft.graph.channel',
  properties: specs(CHANNEL_PROPS, {
    displayName: { type: 'string', filter: 'eq ne startsWith' },
    membershipType: { type: 'string', filter: 'eq ne' },
    createdDateTime: { type: 'datetime' },
    isFavoriteByDefault: { type: 'boolean' },
    isArchived: { type: 'boolean', filter: 'eq' },
  }),
  defaultSelect: CHANNEL_PROPS,
  pageSize: { default: 1000, max: 1000 },
  dialect: teamsDialect,
};

/** A person in a team, channel or chat (aadUserConversationMember). */
export function renderMember(id: string, user: DirectoryUser, roles: string[], visibleHistoryStartDateTime = '0001-01-01T00:00:00Z'): Rec {
  return { id, roles, displayName: user.displayName, visibleHistoryStartDateTime, userId: user.id, email: user.mail ?? user.userPrincipalName, tenantId: SANDBOX_TENANT_ID };
}

const MEMBER_PROPS = ['id', 'roles', 'displayName', 'visibleHistoryStartDateTime', 'userId', 'email', 'tenantId'];
export const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
export const memberEntity: EntityType<Rec> = {
  name: 'microsoft.graph.aadUserConversationMember',
  properties: specs(MEMBER_PROPS, {
    roles: { type: 'string[]', filter: 'any eq' },
    displayName: { type: 'string', filter: 'eq startsWith' },
    email: { type: 'string', filter: 'eq startsWith' },
    userId: { type: 'string', filter: 'eq' },
    visibleHistoryStartDateTime: { type: 'datetime' },
  }),
  defaultSelect: MEMBER_PROPS,
  pageSize: { default: 1000, max: 1000 },
  dialect: teamsDialect,
};
