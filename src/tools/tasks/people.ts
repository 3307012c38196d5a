// People as a user names them ("Megan", "megan.bowen@contoso.com") found in the directory, for Planner's
// assignments, which are keyed by user id: one person each, or an error naming the candidates when a name fits
// several; and the names behind user ids, for showing who a task is assigned to.
import type { GraphReader } from '../../graph/client.js';
import { odataString, searchClause, seg } from '../../graph/odata.js';
import { isAddress } from '../content/addresses.js';
import { ToolError } from '../define-tool.js';
import { isUserId } from '../shapes.js';

export interface Person {
  id: string;
  name: string;
}
type GraphUser = { id: string; displayName?: string | null; mail?: string | null; userPrincipalName?: string | null };
const SELECT = 'id,displayName,mail,userPrincipalName';
const nameOf = (u: GraphUser) => u.displayName || u.mail || u.userPrincipalName || u.id;
const described = (u: GraphUser) => `${nameOf(u)} <${u.mail || u.userPrincipalName}>`;

async function one(graph: GraphReader, ref: string, signal: AbortSignal): Promise<Person> {
  if (isUserId(ref)) {
    const u = await graph.get<GraphUser>(`/users/${seg(ref)}`, { query: { $select: SELECT }, signal }).catch(() => undefined);
    if (!u) throw new ToolError(`No one in the directory has the id ${ref}: give the person's name or address instead.`);
    return { id: u.id, name: nameOf(u) };
  }
  if (isAddress(ref)) {
    const q = odataString(ref);
    const r = await graph.get<{ value: GraphUser[] }>('/users', { query: { $filter: `mail eq ${q} or userPrincipalName eq ${q}`, $select: SELECT }, signal });
    if (!r.value.length) throw new ToolError(`No one in the directory has the address ${ref}: check it, or give the person's name.`);
    return { id: r.value[0].id, name: nameOf(r.value[0]) };
  }
  const r = await graph.get<{ value: GraphUser[] }>('/users', {
    query: { $search: searchClause('displayName', ref), $select: SELECT, $top: 10 },
    headers: { ConsistencyLevel: 'eventual' },
    signal,
  });
  // The closest fit wins: the whole name, then every word of it ("Ben" is Ben Walters, not Olivia Bennett).
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
  const exact = r.value.filter((u) => u.displayName?.toLowerCase() === ref.toLowerCase());
  const whole = r.value.filter((u) => words(ref).every((w) => words(u.displayName ?? '').includes(w)));
  const hits = exact.length ? exact : whole.length ? whole : r.value;
  if (hits.length === 1) return { id: hits[0].id, name: nameOf(hits[0]) };
  if (!hits.length) throw new ToolError(`No one named "${ref}" in the directory: check the spelling, or give their address.`);
  throw new ToolError(`"${ref}" fits several people: ${hits.map(described).join(', ')}. Give the address of the one you mean.`);
}

/** The people these names, addresses or ids stand for, each once. */
export async function findPeople(graph: GraphReader, refs: readonly string[], signal: AbortSignal): Promise<Person[]> {
  const found = await Promise.all(refs.map((r) => one(graph, r, signal)));
  return found.filter((p, i) => found.findIndex((o) => o.id === p.id) === i);
}

/** The display names of these user ids ($batch); an id the directory no longer knows stays as it is. */
export async function namesOf(graph: GraphReader, ids: readonly string[], signal: AbortSignal): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  if (!unique.length) return names;
  const answers = await graph.batchRead(unique.map((id) => ({ method: 'GET' as const, url: `/users/${seg(id)}?$select=${SELECT}` })), { signal });
  unique.forEach((id, i) => names.set(id, answers[i]?.status === 200 ? nameOf(answers[i].body as GraphUser) : id));
  return names;
}
