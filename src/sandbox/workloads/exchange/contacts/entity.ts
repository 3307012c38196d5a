// How the OData machinery sees contacts and contact folders (the properties Exchange filters and sorts on),
// and how the collection engine shows them in Outlook's style (@odata.etag and id first, $select honoured).

import type { EntityType, PropSpec } from '../../../odata/entity.js';
import type { CollectionStyle, Stamp } from '../../../odata/collection.js';
import { etagOf } from '../../../odata/collection.js';
import { readOptions } from '../../../odata/options.js';
import { parseSelect } from '../../../odata/select.js';
import { GraphError, type RouteContext } from '../../../graph/types.js';
import { bodyRead, itemNotFound } from '../errors.js';
import { listOutlook, outlookDialect, projectOutlook } from '../outlook-query.js';
import type { StoredContact, StoredContactFolder } from './model.js';

const text = (orderby = true): PropSpec => ({ type: 'string', filter: 'eq ne startsWith', ...(orderby ? { orderby: 'default' as const } : {}) });
const plain: PropSpec = { type: 'string' };
const list: PropSpec = { type: 'string[]' };
const stampProps: Record<string, PropSpec> = {
  id: { type: 'string', filter: 'eq' },
  changeKey: plain,
  createdDateTime: { type: 'datetime', filter: 'eq ne gt ge lt le', orderby: 'default' },
  lastModifiedDateTime: { type: 'datetime', filter: 'eq ne gt ge lt le', orderby: 'default' },
};

export const contactEntity: EntityType<StoredContact> = {
  name: 'microsoft.graph.contact',
  properties: {
    ...stampProps,
    parentFolderId: { type: 'string', filter: 'eq' },
    givenName: text(),
    surname: text(),
    displayName: text(),
    companyName: text(),
    jobTitle: text(),
    department: text(),
    emailAddresses: { type: 'object[]', filter: 'any eq' },
    businessPhones: list,
    mobilePhone: plain,
    categories: { type: 'string[]', filter: 'any eq' },
    personalNotes: plain,
  },
  defaultSelect: ['createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'parentFolderId', 'displayName', 'givenName', 'surname', 'companyName', 'jobTitle', 'department', 'emailAddresses', 'businessPhones', 'mobilePhone', 'personalNotes'],
  pageSize: { default: 10, max: 1000 },
  dialect: outlookDialect,
};

export const contactFolderEntity: EntityType<StoredContactFolder> = {
  name: 'microsoft.graph.contactFolder',
  properties: { id: { type: 'string', filter: 'eq' }, displayName: text(), parentFolderId: { type: 'string', filter: 'eq' } },
  defaultSelect: ['displayName', 'parentFolderId'],
  pageSize: { default: 10, max: 1000 },
  dialect: outlookDialect,
};

/** Exchange's answers for the engine: Outlook paging and projection, ErrorItemNotFound, the change-key conflict. */
export function outlookStyle<T extends Stamp>(entity: EntityType<T>, etag: boolean): CollectionStyle<T> {
  const src = { entity, etag: (i: T) => etagOf(i), id: (i: T) => i.id };
  const show = (item: T, select: string[] | undefined) => {
    const out = projectOutlook(src, item, select);
    // Folders carry no ETag in Graph's answers.
    if (!etag) delete out['@odata.etag'];
    return out;
  };
  return {
    list: (ctx, items, context) => {
      const res = listOutlook(ctx, { ...src, items, context });
      if (!etag) for (const v of (res.body as { value: Record<string, unknown>[] }).value) delete v['@odata.etag'];
      return res;
    },
    show: (ctx: RouteContext, item) => show(item, parseSelect(readOptions(ctx.req).get('$select'), entity)),
    notFound: itemNotFound,
    stale: () =>
      new GraphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.'),
    badBody: bodyRead,
  };
}
