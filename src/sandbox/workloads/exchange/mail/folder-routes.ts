// Mail folders: the top level of a mailbox (/mailFolders: the children of the message folder root, hidden ones
// only with includeHiddenFolders=true), one folder by id or well-known name, its child folders, and creating
// folders (a sibling with the same name, in any letter case, is Exchange's 409 ErrorFolderExists). Deleting a
// folder moves it, with its contents, to Deleted Items; deleting it there removes it for good.

import type { Mailbox, StoredFolder } from './model.js';
import { defaultDialect } from '../../../odata/dialect.js';
import type { EntityType, PropSpec } from '../../../odata/entity.js';
import { METADATA, getEntity, listCollection } from '../../../odata/query.js';
import { GraphError, type GraphResponse } from '../../../graph/types.js';
import { EXCHANGE_DECIDES, findFolder, openMailbox } from './access.js';
import { bodyRead, folderExists, invalidRequest } from '../errors.js';
import type { MailContext, MailRoute } from './route-types.js';

export interface FolderJson {
  id: string;
  displayName: string;
  parentFolderId: string;
  childFolderCount: number;
  unreadItemCount: number;
  totalItemCount: number;
  isHidden: boolean;
}

const count: PropSpec = { type: 'int', filter: 'eq ne gt ge lt le', orderby: 'default' };
const folderEntity: EntityType<FolderJson> = {
  name: 'microsoft.graph.mailFolder',
  properties: {
    id: { type: 'string', filter: 'eq ne' },
    displayName: { type: 'string', filter: 'eq ne startsWith contains', orderby: 'default' },
    parentFolderId: { type: 'string', filter: 'eq ne' },
    childFolderCount: count,
    unreadItemCount: count,
    totalItemCount: count,
    isHidden: { type: 'boolean', filter: 'eq ne' },
  },
  defaultSelect: ['id', 'displayName', 'parentFolderId', 'childFolderCount', 'unreadItemCount', 'totalItemCount', 'isHidden'],
  pageSize: { default: 10, max: 1000 },
  dialect: defaultDialect,
};

export function folderJson(box: Mailbox, f: StoredFolder): FolderJson {
  return { id: f.id, displayName: f.displayName, parentFolderId: f.parentId, ...box.counts(f), isHidden: f.isHidden };
}

const byName = (a: StoredFolder, b: StoredFolder) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' });

function listChildren(ctx: MailContext, box: Mailbox, parentId: string, entitySet: string): GraphResponse {
  const hidden = /^true$/i.test(ctx.req.url.searchParams.get('includeHiddenFolders') ?? '');
  const items = box
    .children(parentId)
    .filter((f) => hidden || !f.isHidden)
    .sort(byName)
    .map((f) => folderJson(box, f));
  return listCollection(ctx, { entity: folderEntity, items, entitySet });
}

function createChild(ctx: MailContext, box: Mailbox, parent: StoredFolder): GraphResponse {
  const body = ctx.req.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bodyRead('The request body must be a JSON object describing a mail folder.');
  const name = body.displayName;
  if (typeof name !== 'string' || name.trim() === '') throw invalidRequest('The displayName of a mail folder is required.');
  if (body.isHidden !== undefined && typeof body.isHidden !== 'boolean') throw bodyRead("Cannot convert a primitive value to the expected type 'Edm.Boolean'. (property 'isHidden')");
  if (box.children(parent.id).some((f) => f.displayName.toLowerCase() === name.trim().toLowerCase())) throw folderExists();
  const folder = box.createFolder(parent.id, name.trim(), body.isHidden === true);
  ctx.log(`mail: folder created in ${box.owner.userPrincipalName}`);
  return { status: 201, body: { '@odata.context': `${METADATA}#users('${ctx.params.id}')/mailFolders/$entity`, ...folderJson(box, folder) } };
}

function deleteFolder(ctx: MailContext, box: Mailbox, folder: StoredFolder): GraphResponse {
  if (folder.wellKnownName) throw new GraphError(403, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
  const deleted = box.wellKnown('deleteditems');
  const underDeleted = (f: StoredFolder | undefined): boolean => !!f && (f.id === deleted.id || underDeleted(box.folders.get(f.parentId)));
  if (underDeleted(box.folders.get(folder.parentId))) {
    const purge = (f: StoredFolder) => {
      box.children(f.id).forEach(purge);
      for (const m of box.messagesIn(f.id)) box.messages.delete(m.id);
      box.folders.delete(f.id);
    };
    purge(folder);
  } else {
    folder.parentId = deleted.id;
  }
  return { status: 204 };
}

const folderOf = (ctx: MailContext, box: Mailbox) => findFolder(box, ctx.params.fid);

export const folderRoutes: MailRoute[] = [
  {
    method: 'GET',
    path: '/users/{id}/mailFolders',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'readBasic');
      return listChildren(ctx, box, box.wellKnown('msgfolderroot').id, `users('${ctx.params.id}')/mailFolders`);
    },
  },
  {
    method: 'POST',
    path: '/users/{id}/mailFolders',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'write');
      return createChild(ctx, box, box.wellKnown('msgfolderroot'));
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/mailFolders/{fid}',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'readBasic');
      return getEntity(ctx, folderEntity, folderJson(box, folderOf(ctx, box)), `users('${ctx.params.id}')/mailFolders`);
    },
  },
  {
    method: 'DELETE',
    path: '/users/{id}/mailFolders/{fid}',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'write');
      return deleteFolder(ctx, box, folderOf(ctx, box));
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/mailFolders/{fid}/childFolders',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'readBasic');
      return listChildren(ctx, box, folderOf(ctx, box).id, `users('${ctx.params.id}')/mailFolders('${ctx.params.fid}')/childFolders`);
    },
  },
  {
    method: 'POST',
    path: '/users/{id}/mailFolders/{fid}/childFolders',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'write');
      return createChild(ctx, box, folderOf(ctx, box));
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/mailFolders/{fid}/childFolders/{cid}',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'readBasic');
      folderOf(ctx, box);
      return getEntity(ctx, folderEntity, folderJson(box, findFolder(box, ctx.params.cid)), `users('${ctx.params.id}')/mailFolders('${ctx.params.fid}')/childFolders`);
    },
  },
];
