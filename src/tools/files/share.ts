// Sharing a drive item: a view or edit link for the organization or for anyone, or an invitation to named people;
// and taking a permission away. What reaches outside the organization (anyone-links, guests) is asked first.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { EmailAddress } from '../content/addresses.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { DateInput, List, Text } from '../shapes.js';
import { Access, accessLine, describeAccess, type GraphPermission } from './access.js';
import { DRIVE, ItemInput, itemPath } from '../drives.js';
import type { GraphDriveItem } from './shapes.js';

const Input = {
  item: ItemInput('Path like /Documents/report.docx, or id'),
  with: z.enum(['organization', 'people', 'anyone']).describe('organization: a link for colleagues; people: invite them; anyone: a link for anyone'),
  people: List(EmailAddress, 50).optional().describe('Addresses to invite (with: people)'),
  role: z.enum(['view', 'edit']).default('view').describe('What they may do'),
  message: Text(2000, { trim: false }).optional().describe('Invitation message'),
  expires: DateInput.optional().describe('Link or access ends on (date)'),
};

/** The organization's mail domains (verified domains), else the signed-in user's own. */
async function orgDomains(graph: GraphReader, me: string | undefined, signal: AbortSignal): Promise<string[]> {
  const own = me?.split('@')[1]?.toLowerCase();
  try {
    const org = await graph.get<{ value?: { verifiedDomains?: { name?: string }[] }[] }>('/organization', { query: { $select: 'verifiedDomains' }, signal });
    const names = (org.value?.[0]?.verifiedDomains ?? []).map((v) => (v.name ?? '').toLowerCase()).filter(Boolean);
    return names.length ? names : own ? [own] : [];
  } catch {
    return own ? [own] : [];
  }
}

export const shareFile = ownerTool(DRIVE, {
  name: 'files_share',
  title: 'Share a file or folder',
  description: 'Share with the organization or anyone by link, or invite people by address (they are told by mail). Sharing outside the organization asks first.',
  kind: 'destructive',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: Input,
  output: z.object({ name: z.string(), access: z.array(Access) }),
  idempotent: false,
  confirm: async (a, ctx, d) => {
    const m = await ctx.graph.get<GraphDriveItem>(itemPath(d.root, a.item), { query: { $select: 'name' }, signal: ctx.signal });
    const verb = a.role === 'edit' ? 'edit' : 'view';
    if (a.with === 'anyone') return `Create a link with which anyone, inside or outside the organization and without signing in, can ${verb} ${m.name}${a.expires ? ` until ${a.expires}` : ''}?`;
    if (a.with !== 'people') return undefined;
    const domains = await orgDomains(ctx.graph, (await ctx.auth.status()).account?.username, ctx.signal);
    const outside = (a.people ?? []).filter((p) => !domains.includes(p.split('@')[1]?.toLowerCase() ?? ''));
    return outside.length ? `Share ${m.name} (${verb}) with ${outside.join(', ')}, outside the organization?` : undefined;
  },
  handler: async (a, ctx, d) => {
    const p = itemPath(d.root, a.item);
    const expirationDateTime = a.expires ? new Date(/T/.test(a.expires) ? a.expires : `${a.expires}T23:59:59Z`).toISOString() : undefined;
    const { name } = await ctx.graph.get<GraphDriveItem>(p, { query: { $select: 'name' }, signal: ctx.signal });
    if (a.with === 'people') {
      if (!a.people?.length) throw new ToolError('Give the addresses to share with in people.');
      const r = await ctx.graph.post<{ value?: GraphPermission[] }>(`${p}/invite`, {
        recipients: a.people.map((email) => ({ email })),
        roles: [a.role === 'edit' ? 'write' : 'read'],
        requireSignIn: true,
        sendInvitation: true,
        ...(a.message ? { message: a.message } : {}),
        ...(expirationDateTime ? { expirationDateTime } : {}),
      }, { signal: ctx.signal });
      return { name: name ?? '', access: (r.value ?? []).map(describeAccess) };
    }
    if (a.people?.length) throw new ToolError(`people goes with "with": "people"; a link for ${a.with === 'anyone' ? 'anyone' : 'the organization'} names no one.`);
    const link = await ctx.graph.post<GraphPermission>(`${p}/createLink`, {
      type: a.role === 'edit' ? 'edit' : 'view',
      scope: a.with === 'anyone' ? 'anonymous' : 'organization',
      ...(expirationDateTime ? { expirationDateTime } : {}),
    }, { signal: ctx.signal });
    return { name: name ?? '', access: [describeAccess(link)] };
  },
  text: (r) => `shared ${r.name}:\n${r.access.map(accessLine).join('\n')}`,
});

/** The item's name and one of its permissions, as the question and the answer name them. */
async function permissionOn(graph: GraphReader, p: string, permissionId: string, signal: AbortSignal) {
  const [m, perm] = await Promise.all([
    graph.get<GraphDriveItem>(p, { query: { $select: 'name' }, signal }),
    graph.get<GraphPermission>(`${p}/permissions/${seg(permissionId)}`, { signal }),
  ]);
  return { m, access: describeAccess(perm) };
}

export const unshareFile = ownerTool(DRIVE, {
  name: 'files_unshare',
  title: 'Remove access to a file',
  description: 'Remove one permission (a person or a link) listed by files_get with include access.',
  kind: 'destructive',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    item: ItemInput('Path or id'),
    permissionId: Text(300).refine((v) => /^[^/\\?#]+$/.test(v), 'must be a permission id from files_get').describe('Permission id from files_get (include access)'),
  },
  output: z.object({ name: z.string(), removed: Access }),
  confirm: async (a, ctx, d) => {
    const { m, access } = await permissionOn(ctx.graph, itemPath(d.root, a.item), a.permissionId, ctx.signal);
    return `Remove the ${access.role} access of ${access.who} to ${m.name}? ${access.link ? 'The link stops working.' : 'They can no longer open it.'} It can be shared again later.`;
  },
  handler: async (a, ctx, d) => {
    const p = itemPath(d.root, a.item);
    const { m, access: removed } = await permissionOn(ctx.graph, p, a.permissionId, ctx.signal);
    if (removed.inherited) throw new ToolError(`That access comes from a parent folder; remove it there (files_get on the folder with include access).`);
    await ctx.graph.delete(`${p}/permissions/${seg(a.permissionId)}`, { signal: ctx.signal });
    return { name: m.name ?? '', removed };
  },
  text: (r) => `removed from ${r.name}:\n${accessLine(r.removed)}`,
});

export default [shareFile, unshareFile];
