// Who has access to a drive item, from Graph's permissions: people it was shared with, sharing links and their
// reach (anyone, the organization, specific people), what each may do, and whether it comes from a parent folder.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';

type Person = { user?: { displayName?: string; email?: string } | null; siteUser?: { displayName?: string; email?: string; loginName?: string } | null; group?: { displayName?: string } | null } | null;
export interface GraphPermission {
  id: string;
  roles?: string[];
  link?: { type?: string; scope?: string; webUrl?: string } | null;
  grantedToV2?: Person;
  grantedToIdentitiesV2?: Person[] | null;
  invitation?: { email?: string } | null;
  inheritedFrom?: { path?: string } | null;
  expirationDateTime?: string | null;
}

export const Access = z.object({
  id: z.string(),
  role: z.string(),
  who: z.string(),
  link: z.string().optional(),
  inherited: z.boolean().optional(),
  expires: z.string().optional(),
});
export type AccessOut = z.output<typeof Access>;

/** "Name <address>": the address from the identity, or from SharePoint's claims login (i:0#.f|membership|a@b). */
const name = (p: Person | undefined) => {
  const u = p?.user ?? p?.siteUser;
  if (!u) return p?.group?.displayName ?? '';
  const email = u.email ?? p?.siteUser?.email ?? /\|([^|]+@[^|]+)$/.exec(p?.siteUser?.loginName ?? '')?.[1];
  return email && u.displayName ? `${u.displayName} <${email}>` : (email ?? u.displayName ?? '');
};

const REACH: Record<string, string> = { anonymous: 'anyone with the link', organization: 'people in the organization with the link', users: 'specific people with the link', existingAccess: 'people who already have access' };

export function describeAccess(p: GraphPermission): AccessOut {
  const roles = p.roles ?? [];
  const role = roles.includes('owner') ? 'owner' : roles.includes('write') ? 'edit' : 'view';
  const people = [p.grantedToV2, ...(p.grantedToIdentitiesV2 ?? [])].map(name).filter(Boolean);
  const who = p.link
    ? `${REACH[p.link.scope ?? ''] ?? 'a link'}${people.length ? `: ${people.join(', ')}` : ''}`
    : people.join(', ') || p.invitation?.email || 'someone';
  return {
    id: p.id,
    role,
    who,
    ...(p.link?.webUrl ? { link: p.link.webUrl } : {}),
    ...(p.inheritedFrom ? { inherited: true } : {}),
    ...(p.expirationDateTime ? { expires: p.expirationDateTime } : {}),
  };
}

export async function accessOf(graph: GraphReader, itemPath: string, signal: AbortSignal): Promise<AccessOut[]> {
  const page = await graph.list<GraphPermission>(`${itemPath}/permissions`, { limit: 100, signal });
  return page.items.map(describeAccess);
}

export const accessLine = (a: AccessOut) =>
  `  ${a.role}: ${a.who}${a.inherited ? ' (from a parent folder)' : ''}${a.expires ? ` until ${a.expires}` : ''}${a.link ? ` ${a.link}` : ''} | permission ${a.id}`;
