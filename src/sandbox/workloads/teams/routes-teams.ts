// Teams and channels through Graph v1.0: the teams a person joined, a team, its members, its channels (the ones the
// person can see: standard ones, and the private and shared ones they are a member of), one channel and its members.

import type { RouteContext, RouteDef } from '../../graph/types.js';
import { getEntity, listCollection } from '../../odata/query.js';
import type { OptionName } from '../../odata/options.js';
import type { EntityType } from '../../odata/entity.js';
import { canSeeChannel, channel, isTeamMember, requireSelf, SCOPES, team } from './access.js';
import { memberNotFound } from './errors.js';
import { threadMemberId } from './ids.js';
import { channelEntity, joinedTeamEntity, MEMBER_TYPE, memberEntity, renderChannel, renderMember, renderTeam, teamEntity, teamPeople } from './json-team.js';
import type { StoredChannel, StoredTeam, TeamsState } from './model.js';
import { allowOptions } from './query.js';

type Ctx = RouteContext<TeamsState>;
type Rec = Record<string, unknown>;

function list(ctx: Ctx, allowed: OptionName[], entity: EntityType<Rec>, items: Rec[], entitySet: string, odataType?: string) {
  allowOptions(ctx, allowed);
  return listCollection(ctx, { entity, items, entitySet, ...(odataType ? { odataType } : {}) });
}

function one(ctx: Ctx, entity: EntityType<Rec>, item: Rec, entitySet: string, odataType?: string) {
  allowOptions(ctx, ['$select']);
  return getEntity(ctx, entity, item, entitySet, odataType);
}

/** The people of a team as members: owners carry the owner role. */
const teamMembers = (ctx: Ctx, t: StoredTeam): Rec[] =>
  teamPeople(ctx.state, t).map((p) => renderMember(threadMemberId(t.id, p.user.id), p.user, p.owner ? ['owner'] : []));

/** A channel's members: the team's for a standard channel, its own for a private or shared one. */
function channelMembers(ctx: Ctx, t: StoredTeam, c: StoredChannel): Rec[] {
  if (c.membershipType === 'standard') return teamPeople(ctx.state, t).map((p) => renderMember(threadMemberId(c.id, p.user.id), p.user, p.owner ? ['owner'] : []));
  return c.members.map((m) => renderMember(threadMemberId(c.id, m.userId), ctx.directory.findUser(m.userId)!, m.roles.filter((r) => r === 'owner')));
}

const byMemberId = (members: Rec[], id: string) => {
  const m = members.find((x) => x.id === id);
  if (!m) throw memberNotFound();
  return m;
};

const teamSet = (t: StoredTeam) => `teams('${t.id}')`;
const channelSet = (t: StoredTeam, c: StoredChannel) => `${teamSet(t)}/channels('${encodeURIComponent(c.id)}')`;

export const teamRoutes: RouteDef<TeamsState>[] = [
  {
    method: 'GET', path: '/users/{id}/joinedTeams', scopes: SCOPES.joinedTeams,
    handler: (ctx) => {
      requireSelf(ctx);
      const joined = ctx.state.teams.filter((t) => isTeamMember(ctx, t)).map((t) => renderTeam(ctx.state, t));
      return list(ctx, [], joinedTeamEntity, joined, `users('${ctx.principal.user.id}')/joinedTeams`);
    },
  },
  { method: 'GET', path: '/teams/{teamId}', scopes: SCOPES.team, handler: (ctx) => one(ctx, teamEntity, renderTeam(ctx.state, team(ctx)), 'teams') },
  {
    method: 'GET', path: '/teams/{teamId}/members', scopes: SCOPES.teamMembers,
    handler: (ctx) => {
      const t = team(ctx);
      return list(ctx, ['$filter', '$select', '$top'], memberEntity, teamMembers(ctx, t), `${teamSet(t)}/members`, MEMBER_TYPE);
    },
  },
  {
    method: 'GET', path: '/teams/{teamId}/members/{memberId}', scopes: SCOPES.teamMembers,
    handler: (ctx) => {
      const t = team(ctx);
      return one(ctx, memberEntity, byMemberId(teamMembers(ctx, t), ctx.params.memberId), `${teamSet(t)}/members`, MEMBER_TYPE);
    },
  },
  {
    method: 'GET', path: '/teams/{teamId}/channels', scopes: SCOPES.channels,
    handler: (ctx) => {
      const t = team(ctx);
      const visible = t.channels.filter((c) => canSeeChannel(ctx, t, c)).map((c) => renderChannel(t, c));
      return list(ctx, ['$filter', '$select'], channelEntity, visible, `${teamSet(t)}/channels`);
    },
  },
  {
    method: 'GET', path: '/teams/{teamId}/primaryChannel', scopes: SCOPES.channels,
    handler: (ctx) => {
      const t = team(ctx);
      const general = t.channels.find((c) => c.id === t.generalChannelId)!;
      return one(ctx, channelEntity, renderChannel(t, general), `${teamSet(t)}/primaryChannel`);
    },
  },
  {
    method: 'GET', path: '/teams/{teamId}/channels/{channelId}', scopes: SCOPES.channels,
    handler: (ctx) => {
      const { team: t, channel: c } = channel(ctx);
      return one(ctx, channelEntity, renderChannel(t, c), `${teamSet(t)}/channels`);
    },
  },
  {
    method: 'GET', path: '/teams/{teamId}/channels/{channelId}/members', scopes: SCOPES.channelMembers,
    handler: (ctx) => {
      const { team: t, channel: c } = channel(ctx);
      return list(ctx, ['$filter', '$select', '$top'], memberEntity, channelMembers(ctx, t, c), `${channelSet(t, c)}/members`, MEMBER_TYPE);
    },
  },
  {
    method: 'GET', path: '/teams/{teamId}/channels/{channelId}/members/{memberId}', scopes: SCOPES.channelMembers,
    handler: (ctx) => {
      const { team: t, channel: c } = channel(ctx);
      return one(ctx, memberEntity, byMemberId(channelMembers(ctx, t, c), ctx.params.memberId), `${channelSet(t, c)}/members`, MEMBER_TYPE);
    },
  },
];
