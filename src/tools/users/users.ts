// People of the organization: the signed-in user's profile and the directory.
import { z } from 'zod';
import { andFilter, odataString, searchClause, seg } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, nextCursor, NextCursor } from '../content/paging.js';
import { defineTool } from '../define-tool.js';
import { Text, UserRef } from '../shapes.js';

const PROFILE_FIELDS = ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation', 'businessPhones', 'mobilePhone', 'preferredLanguage'] as const;
const SUMMARY_FIELDS = ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'officeLocation'] as const;

// Optional, never nullable: Graph's nulls are left out (a `string | null` union is not portable across clients).
const str = z.string().optional();
const UserSummary = z.object({
  id: z.string(),
  displayName: str,
  mail: str,
  userPrincipalName: str,
  jobTitle: str,
  department: str,
  officeLocation: str,
});
const UserProfile = UserSummary.extend({
  businessPhones: z.array(z.string()).optional(),
  mobilePhone: str,
  preferredLanguage: str,
});
type GraphUser = Record<string, unknown>;

function pick<K extends string>(u: GraphUser, keys: readonly K[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const k of keys) if (u[k] !== undefined && u[k] !== null) out[k] = u[k];
  return out;
}
const line = (u: Record<string, unknown>) =>
  [u.displayName, u.mail ?? u.userPrincipalName, u.jobTitle, u.department].filter(Boolean).join(' | ') + ` (id ${u.id})`;

export const getMe = defineTool({
  name: 'users_get_me',
  title: 'Get my profile',
  description: 'Profile of the signed-in user: name, mail, job title, department, office, phones.',
  group: 'users',
  kind: 'read',
  scopes: ['User.Read'],
  input: z.object({}),
  output: UserProfile,
  handler: async (_args, { graph, signal }) => {
    const me = await graph.get<GraphUser>('/me', { query: { $select: PROFILE_FIELDS.join(',') }, signal });
    return pick(me, PROFILE_FIELDS) as z.input<typeof UserProfile>;
  },
  text: (u) => line(u),
});

export const getUser = defineTool({
  name: 'users_get_user',
  title: 'Get a user',
  description: 'Profile of one person in the organization, with their manager. Use users_list to find people by name.',
  group: 'users',
  kind: 'read',
  scopes: ['User.Read.All'],
  orgOnly: true,
  input: z.object({ user: UserRef }),
  // No manager (the top of the organization): left out.
  output: UserProfile.extend({ manager: UserSummary.optional() }),
  handler: async ({ user }, { graph, signal }) => {
    const u = await graph.get<GraphUser>(`/users/${seg(user)}`, { query: { $select: PROFILE_FIELDS.join(',') }, signal });
    const manager = await graph
      .get<GraphUser>(`/users/${seg(String(u.id))}/manager`, { query: { $select: SUMMARY_FIELDS.join(',') }, signal })
      .catch((e: { status?: number }) => {
        if (e.status === 404) return undefined; // no manager: the top of the organization
        throw e;
      });
    return { ...(pick(u, PROFILE_FIELDS) as z.input<typeof UserProfile>), ...(manager ? { manager: pick(manager, SUMMARY_FIELDS) as z.input<typeof UserSummary> } : {}) };
  },
  text: (u) => `${line(u)}${u.manager ? `\nmanager: ${line(u.manager)}` : ''}`,
});

export const listUsers = defineTool({
  name: 'users_list',
  title: 'Search the directory',
  description: 'Find people in the organization by name or address, optionally within a department or job title. Returns summaries; use users_get_user for one profile.',
  group: 'users',
  kind: 'read',
  scopes: ['User.Read.All'],
  orgOnly: true,
  input: z.object({
    query: Text(200, { min: 1 }).optional().describe('Start of a name or address, e.g. "adele" or "meg"'),
    department: Text(200, { min: 1 }).optional().describe('Exact department name, e.g. "Sales"'),
    jobTitle: Text(200, { min: 1 }).optional().describe('Exact job title'),
    limit: Limit(100, 25),
    cursor: Cursor,
  }),
  output: z.object({ users: z.array(UserSummary), total: z.number().int().optional(), nextCursor: NextCursor }),
  handler: async ({ query, department, jobTitle, limit, cursor }, { graph, signal }) => {
    const filter = andFilter([department && `department eq ${odataString(department)}`, jobTitle && `jobTitle eq ${odataString(jobTitle)}`]);
    const search = query ? `${searchClause('displayName', query)} OR ${searchClause('mail', query)}` : undefined;
    // $search and department/jobTitle filters are advanced directory queries: Graph wants both of these.
    const page = await graph.list<GraphUser>('/users', {
      query: { $select: SUMMARY_FIELDS.join(','), $top: limit, $filter: filter, $search: search, $count: true, $orderby: search ? undefined : 'displayName' },
      headers: { ConsistencyLevel: 'eventual' },
      limit,
      cursor,
      signal,
    });
    return {
      users: page.items.map((u) => pick(u, SUMMARY_FIELDS) as z.input<typeof UserSummary>),
      ...(page.count !== undefined ? { total: page.count } : {}),
      ...nextCursor(page),
    };
  },
  text: (r) => `${r.users.length} user(s)${r.total !== undefined ? ` of ${r.total}` : ''}\n${r.users.map(line).join('\n')}${moreLine(r.nextCursor)}`,
});

export default [getMe, getUser, listUsers];
