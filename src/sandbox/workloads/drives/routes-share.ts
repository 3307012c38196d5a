// Sharing in drives: the permissions on an item (its own and those inherited from folders above), sharing links
// (view or edit; for the organization, for specific people, or for anyone where the tenant allows it), invitations
// of people by address, and removing a permission.

import type { RouteDef } from '../../graph/types.js';
import { METADATA } from '../../odata/query.js';
import { invalidRequest, itemNotFound, tenantDisallowsAnonymous } from './errors.js';
import { itemRoutes, locate, type Ctx } from './locate.js';
import { ancestry, newToken, used, type DriveItem, type DrivesState, type Permission, type Role } from './model.js';

const body = (ctx: Ctx) => (typeof ctx.req.body === 'object' && ctx.req.body !== null && !Buffer.isBuffer(ctx.req.body) ? (ctx.req.body as Record<string, unknown>) : {});

/** A person in a permission as SharePoint shows them: the user, and the site user whose claims login carries the address. */
function identity(s: DrivesState, userId: string) {
  const u = s.directory.findUser(userId);
  const displayName = u?.displayName ?? '';
  return { user: { id: userId, displayName }, siteUser: { id: userId, displayName, loginName: `i:0#.f|membership|${u?.userPrincipalName ?? ''}` } };
}

function render(s: DrivesState, p: Permission, inheritedFrom?: DriveItem) {
  const people = p.grantees.map((id) => identity(s, id));
  return {
    id: p.id,
    roles: p.roles,
    ...(p.link ? { link: { type: p.link.type, scope: p.link.scope, webUrl: p.link.webUrl, preventsDownload: false } } : {}),
    ...(people.length === 1 && !p.link ? { grantedToV2: people[0] } : {}),
    ...(p.link || people.length > 1 ? { grantedToIdentitiesV2: people } : {}),
    ...(p.expires ? { expirationDateTime: p.expires } : {}),
    ...(inheritedFrom ? { inheritedFrom: { driveId: inheritedFrom.driveId, id: inheritedFrom.id } } : {}),
  };
}

/** The item's permissions, its own first, then those of folders above it; the owner's comes first of all. */
function permissionsOf(s: DrivesState, item: DriveItem) {
  const drive = s.drives.get(item.driveId)!;
  const owner = 'userId' in drive.owner ? [{ id: 'owner', roles: ['owner'], grantedToV2: identity(s, drive.owner.userId) }] : [];
  const [own, ...above] = ancestry(s, item);
  return [...owner, ...own.permissions.map((p) => render(s, p)), ...above.flatMap((a) => a.permissions.map((p) => render(s, p, a)))];
}

/** The people driveRecipients name (by email or object id), each in the organization: this tenant invites no guests. */
function recipientsOf(s: DrivesState, raw: unknown, required: boolean) {
  const recipients = Array.isArray(raw) ? (raw as { email?: string; objectId?: string; alias?: string }[]) : [];
  if (required && !recipients.length) throw invalidRequest('recipients is required.');
  return recipients.map((r) => {
    const key = r.objectId ?? r.email ?? r.alias ?? '';
    const user = s.directory.findUser(key);
    if (!user) throw invalidRequest(`The recipient ${key} is not in the organization, and this tenant does not invite guests.`);
    return user;
  });
}

const expiry = (raw: unknown) => {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw invalidRequest('expirationDateTime must be a date-time.');
  return new Date(raw).toISOString();
};

export const shareRoutes: RouteDef<DrivesState>[] = [
  ...itemRoutes('GET', '/permissions', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    return { status: 200, body: { '@odata.context': `${METADATA}#Collection(permission)`, value: permissionsOf(ctx.state, item) } };
  }),
  ...itemRoutes('GET', '/permissions/{permissionId}', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    const p = permissionsOf(ctx.state, item).find((x) => x.id === ctx.params.permissionId);
    if (!p) throw itemNotFound();
    return { status: 200, body: { '@odata.context': `${METADATA}#permission`, ...p } };
  }),
  ...itemRoutes('DELETE', '/permissions/{permissionId}', 'write', (ctx) => {
    const { item } = locate(ctx, 'write');
    const i = item.permissions.findIndex((p) => p.id === ctx.params.permissionId);
    if (i < 0) {
      // Graph refuses to remove an inherited permission from below (it belongs to the folder).
      if (ancestry(ctx.state, item).slice(1).some((a) => a.permissions.some((p) => p.id === ctx.params.permissionId))) throw invalidRequest('Inherited permissions cannot be removed from this item; remove them from the folder they come from.');
      throw itemNotFound();
    }
    item.permissions.splice(i, 1);
    return { status: 204 };
  }),
  ...itemRoutes('POST', '/createLink', 'write', (ctx) => {
    const { item } = locate(ctx, 'write');
    const b = body(ctx);
    const type = String(b.type ?? '');
    const scope = String(b.scope ?? 'organization');
    if (type !== 'view' && type !== 'edit') throw invalidRequest(`Invalid link type '${type}': use view or edit.`);
    if (!['organization', 'users', 'anonymous'].includes(scope)) throw invalidRequest(`Invalid link scope '${scope}'.`);
    if (scope === 'anonymous' && !ctx.state.anonymousLinks) throw tenantDisallowsAnonymous();
    const existing = item.permissions.find((p) => p.link?.type === type && p.link.scope === scope && scope !== 'users');
    if (existing) return { status: 200, body: { '@odata.context': `${METADATA}#permission`, ...render(ctx.state, existing) } };
    const drive = ctx.state.drives.get(item.driveId)!;
    // A link for specific people opens the item to the recipients it names (and to those who had access already).
    const grantees = scope === 'users' ? recipientsOf(ctx.state, b.recipients, false).map((u) => u.id) : [];
    const p: Permission = {
      id: newToken().slice(0, 16), roles: [type === 'edit' ? 'write' : 'read'], grantees, grantedBy: ctx.principal.user.id,
      link: { type, scope: scope as 'organization' | 'users' | 'anonymous', webUrl: `${new URL(drive.webUrl).origin}/:${item.folder ? 'f' : 'w'}:/g/${newToken().slice(0, 22)}` },
      ...(expiry(b.expirationDateTime) ? { expires: expiry(b.expirationDateTime) } : {}),
    };
    item.permissions.push(p);
    for (const id of grantees) used(ctx.state, id, item.id);
    return { status: 201, body: { '@odata.context': `${METADATA}#permission`, ...render(ctx.state, p) } };
  }, { params: ['type', 'scope', 'expirationDateTime', 'password', 'message', 'recipients', 'retainInheritedPermissions', 'sendNotification'] }),
  ...itemRoutes('POST', '/invite', 'write', (ctx) => {
    const { item } = locate(ctx, 'write');
    const b = body(ctx);
    const people = recipientsOf(ctx.state, b.recipients, true);
    const roles = (Array.isArray(b.roles) ? b.roles : []) as Role[];
    if (!roles.length || roles.some((r) => r !== 'read' && r !== 'write')) throw invalidRequest("roles must be ['read'] or ['write'].");
    const s = ctx.state;
    const created = people.map((user) => {
      const p: Permission = { id: newToken().slice(0, 16), roles, grantees: [user.id], grantedBy: ctx.principal.user.id, ...(expiry(b.expirationDateTime) ? { expires: expiry(b.expirationDateTime) } : {}) };
      item.permissions.push(p);
      used(s, user.id, item.id);
      return render(s, p);
    });
    return { status: 200, body: { '@odata.context': `${METADATA}#Collection(permission)`, value: created } };
  }, { params: ['recipients', 'roles', 'requireSignIn', 'sendInvitation', 'message', 'expirationDateTime'] }),
];
