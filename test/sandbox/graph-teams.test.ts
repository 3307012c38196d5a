// Teams and channels in the sandbox over real HTTP: the teams a person joined, a team and its members, the channels
// a person sees (private ones only as their member, a shared one from outside its team), the refusals Graph gives
// (not a member, a permission that does not cover the route, a query option the route does not take), and 404s.
import { describe, expect, it } from 'vitest';
import { ADELE, ALEX, BEN, graph, idOf, MEGAN, upn, useSandbox } from '../fixtures.js';
import { SEEDED_TEAM_NAMES, seededTeam } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const TEAMS = 'Team.ReadBasic.All Channel.ReadBasic.All TeamMember.Read.All ChannelMember.Read.All ChannelMessage.Read.All';
const sales = seededTeam('Sales');
const engineering = seededTeam('Engineering');
const channelOf = (team: ReturnType<typeof seededTeam>, name: string) => team.channels.find((c) => c.name === name)!;

describe('teams', () => {
  it('lists the teams a person joined: id, name and description only, as Graph does', async () => {
    const adele = await sb.graphAs(ADELE, TEAMS);
    const r = await graph(sb, adele, '/me/joinedTeams');
    expect(r.status).toBe(200);
    expect(r.body.value.map((t: any) => t.displayName).sort()).toEqual(['Contoso', 'Retail Launch', 'Sales']);
    for (const t of r.body.value) expect(Object.keys(t).sort()).toEqual(['description', 'displayName', 'id']);
    // Every seeded team belongs to someone: Patti, the CEO, is in the company-wide team and the leadership team.
    const patti = await sb.graphAs(upn('patti.fernandez'), TEAMS);
    expect((await graph(sb, patti, '/me/joinedTeams')).body.value.map((t: any) => t.displayName).sort()).toEqual(['Contoso', 'Leadership Team']);
    expect(SEEDED_TEAM_NAMES.length).toBe(11);
    // Another person's teams are not served in delegated context, and the route takes no query options.
    expect((await graph(sb, adele, `/users/${idOf(ALEX)}/joinedTeams`)).status).toBe(403);
    const selected = await graph(sb, adele, '/me/joinedTeams?$select=id');
    expect(selected.status).toBe(400);
    expect(selected.body.error.message).toContain("Query option 'Select' is not allowed");
  });

  it('reads a team with its settings, summary and web link; $select narrows it', async () => {
    const adele = await sb.graphAs(ADELE, TEAMS);
    const r = await graph(sb, adele, `/teams/${sales.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: sales.id, displayName: 'Sales', visibility: 'private', isArchived: false, internalId: channelOf(sales, 'General').id, specialization: 'none' });
    expect(r.body.webUrl).toContain(`groupId=${sales.id}`);
    expect(r.body.summary).toEqual({ ownersCount: 1, membersCount: 5, guestsCount: 0 });
    const narrow = await graph(sb, adele, `/teams/${sales.id}?$select=displayName,visibility`);
    expect(Object.keys(narrow.body).filter((k) => !k.startsWith('@')).sort()).toEqual(['displayName', 'visibility']);
    expect((await graph(sb, adele, `/teams/${sales.id}?$expand=channels`)).body.error.message).toContain("Query option 'Expand' is not allowed");
  });

  it('lists a team\'s members with the owner role, filters and reads one', async () => {
    const adele = await sb.graphAs(ADELE, TEAMS);
    const r = await graph(sb, adele, `/teams/${sales.id}/members`);
    expect(r.status).toBe(200);
    const byUser = new Map(r.body.value.map((m: any) => [m.userId, m]));
    expect(byUser.size).toBe(6);
    expect((byUser.get(idOf(ALEX)) as any).roles).toEqual(['owner']);
    expect(byUser.get(idOf(ADELE))).toMatchObject({ '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: [], displayName: 'Adele Vance', email: ADELE });
    const owners = await graph(sb, adele, `/teams/${sales.id}/members?$filter=roles/any(r:r eq 'owner')`);
    expect(owners.body.value.map((m: any) => m.userId)).toEqual([idOf(ALEX)]);
    const one = await graph(sb, adele, `/teams/${sales.id}/members/${(byUser.get(idOf(BEN)) as any).id}`);
    expect(one.body.displayName).toBe('Ben Walters');
    expect((await graph(sb, adele, `/teams/${sales.id}/members/bm9ib2R5`)).status).toBe(404);
  });

  it('refuses a team to someone outside it, and names no team that does not exist', async () => {
    const adele = await sb.graphAs(ADELE, TEAMS);
    const r = await graph(sb, adele, `/teams/${engineering.id}`);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'Forbidden', message: "The signed-in user is not a member of the team 'Engineering'." });
    expect((await graph(sb, adele, `/teams/${engineering.id}/channels`)).status).toBe(403);
    const missing = await graph(sb, adele, '/teams/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NotFound', message: 'No team found with Group Id 00000000-0000-0000-0000-000000000000' });
  });
});

describe('channels', () => {
  it('lists standard channels to the team, private and shared ones only to their members', async () => {
    const names = async (who: string) => (await graph(sb, await sb.graphAs(who, TEAMS), `/teams/${sales.id}/channels`)).body.value.map((c: any) => `${c.displayName}:${c.membershipType}`).sort();
    expect(await names(ADELE)).toEqual(['Deal Desk:private', 'EMEA:standard', 'General:standard', 'Sales & Marketing:shared']);
    expect(await names(BEN)).toEqual(['EMEA:standard', 'General:standard', 'Sales & Marketing:shared']);
    expect(await names(upn('yuki.sato'))).toEqual(['EMEA:standard', 'General:standard']);
    const adele = await sb.graphAs(ADELE, TEAMS);
    const privates = await graph(sb, adele, `/teams/${sales.id}/channels?$filter=membershipType eq 'private'`);
    expect(privates.body.value.map((c: any) => c.displayName)).toEqual(['Deal Desk']);
    const general = await graph(sb, adele, `/teams/${sales.id}/primaryChannel`);
    expect(general.body).toMatchObject({ id: channelOf(sales, 'General').id, displayName: 'General', membershipType: 'standard', isFavoriteByDefault: true });
    expect(general.body.webUrl).toBe(`https://teams.microsoft.com/l/channel/${encodeURIComponent(general.body.id)}/General?groupId=${sales.id}&tenantId=${general.body.tenantId}`);
  });

  it('refuses a private channel to a team member who is not in it, with the reason', async () => {
    const ben = await sb.graphAs(BEN, TEAMS);
    const deskId = channelOf(sales, 'Deal Desk').id;
    for (const path of [`/teams/${sales.id}/channels/${deskId}`, `/teams/${sales.id}/channels/${deskId}/messages`, `/teams/${sales.id}/channels/${encodeURIComponent(deskId)}/members`]) {
      const r = await graph(sb, ben, path);
      expect(r.status, path).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'Forbidden', message: "The signed-in user is not a member of the private channel 'Deal Desk'." });
    }
    const adele = await sb.graphAs(ADELE, TEAMS);
    const members = await graph(sb, adele, `/teams/${sales.id}/channels/${deskId}/members`);
    expect(members.body.value.map((m: any) => [m.email, m.roles])).toEqual([[ALEX, ['owner']], [ADELE, []], [upn('christie.cline'), []]]);
  });

  it('opens a shared channel to its members from another team, but not that team', async () => {
    const isaiah = await sb.graphAs(upn('isaiah.langer'), TEAMS);
    const platform = channelOf(engineering, 'Platform & IT');
    const c = await graph(sb, isaiah, `/teams/${engineering.id}/channels/${platform.id}`);
    expect(c.status).toBe(200);
    expect(c.body.membershipType).toBe('shared');
    const messages = await graph(sb, isaiah, `/teams/${engineering.id}/channels/${platform.id}/messages`);
    expect(messages.status).toBe(200);
    expect(messages.body.value.length).toBe(platform.posts.length);
    expect((await graph(sb, isaiah, `/teams/${engineering.id}`)).status).toBe(403);
    expect((await graph(sb, isaiah, `/teams/${engineering.id}/channels/${channelOf(engineering, 'General').id}`)).status).toBe(403);
  });

  it('asks each route for the permission Graph documents', async () => {
    const general = channelOf(sales, 'General').id;
    const gate = async (scopes: string, path: string) => (await graph(sb, await sb.graphAs(ADELE, scopes), path)).status;
    expect(await gate('Chat.Read', `/teams/${sales.id}/channels/${general}/messages`)).toBe(403);
    expect(await gate('ChannelMessage.Read.All', `/teams/${sales.id}/channels/${general}/messages`)).toBe(200);
    expect(await gate('Group.Read.All', `/teams/${sales.id}/channels/${general}/messages`)).toBe(200);
    expect(await gate('Channel.ReadBasic.All', `/me/joinedTeams`)).toBe(403);
    expect(await gate('Team.ReadBasic.All', `/me/joinedTeams`)).toBe(200);
    expect(await gate('Team.ReadBasic.All', `/teams/${sales.id}/channels`)).toBe(403);
    expect(await gate('Channel.ReadBasic.All', `/teams/${sales.id}/channels`)).toBe(200);
    expect(await gate('Team.ReadBasic.All', `/teams/${sales.id}/members`)).toBe(403);
    expect(await gate('TeamMember.Read.All', `/teams/${sales.id}/members`)).toBe(200);
    expect(await gate('ChannelMessage.Read.All', `/me/chats`)).toBe(403);
    // The export API takes application permissions only.
    const all = await graph(sb, await sb.graphAs(ADELE, 'ChannelMessage.Read.All'), `/teams/${sales.id}/channels/getAllMessages`);
    expect(all.status).toBe(403);
    expect(all.body.error.message).toContain("API requires one of 'ChannelMessage.Read.All'");
  });

  it('answers a channel that does not exist with 404', async () => {
    const megan = await sb.graphAs(MEGAN, TEAMS);
    const marketing = seededTeam('Marketing');
    const r = await graph(sb, megan, `/teams/${marketing.id}/channels/19:doesnotexist@thread.tacv2`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NotFound');
  });
});
