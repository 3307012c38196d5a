// How Exchange answers for a collection of Outlook items served by the collection engine (contacts, contact
// folders, To Do lists and tasks): Outlook's paging and projection (@odata.etag and id first, $select honoured),
// ErrorItemNotFound, the change-key conflict, OData's body errors. Items that carry no ETag in Graph's answers
// (folders) leave it out.

import type { CollectionStyle, Stamp } from '../../odata/collection.js';
import { etagOf } from '../../odata/collection.js';
import type { EntityType } from '../../odata/entity.js';
import { readOptions } from '../../odata/options.js';
import { parseSelect } from '../../odata/select.js';
import { GraphError, type RouteContext } from '../../graph/types.js';
import { bodyRead, itemNotFound } from './errors.js';
import { listOutlook, projectOutlook } from './outlook-query.js';

/** Exchange's 412 when a write's If-Match names an older change key. */
export const changeKeyConflict = () =>
  new GraphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');

export function outlookStyle<T extends Stamp>(entity: EntityType<T>, etag: boolean): CollectionStyle<T> {
  const src = { entity, etag: (i: T) => etagOf(i), id: (i: T) => i.id };
  const show = (item: T, select: string[] | undefined) => {
    const out = projectOutlook(src, item, select);
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
    stale: changeKeyConflict,
    badBody: bodyRead,
  };
}
