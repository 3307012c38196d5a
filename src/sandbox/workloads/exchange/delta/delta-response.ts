// A page of a delta round as Graph writes it for Outlook items: @odata.context `Collection(message)` (or event),
// then @odata.nextLink with a $skiptoken or @odata.deltaLink with a $deltatoken (the link repeats the path the
// client called, every other option lives in the token), then the items: each announced by its @odata.type, a
// changed or new one in full (as the collection renders it), a removed one as its id and `@removed: deleted`.

import type { GraphResponse, RequestContext } from '../../../graph/types.js';
import { METADATA } from '../../../odata/query.js';
import type { DeltaPage } from './sync-states.js';

export interface DeltaRendering<T> {
  /** The entity type's short name: message, event. */
  type: string;
  render(item: T): Record<string, unknown>;
  headers?: Record<string, string>;
}

export function deltaResponse<T>(ctx: RequestContext, page: DeltaPage<T>, r: DeltaRendering<T>): GraphResponse {
  const odataType = `#microsoft.graph.${r.type}`;
  const path = ctx.req.url.pathname.replace(/^\/v1\.0/i, '');
  const link = `${ctx.serviceRoot}${path}?${page.next.kind === 'skip' ? '$skiptoken' : '$deltatoken'}=${page.next.token}`;
  const value = page.entries.map((e) =>
    e.removed
      ? { '@odata.type': odataType, id: e.id, '@removed': { reason: 'deleted' } }
      : // A derived type the item announces itself (a meeting message) stays; others get the collection's type.
        { '@odata.type': odataType, ...r.render(e.item) },
  );
  return {
    status: 200,
    headers: r.headers,
    body: {
      '@odata.context': `${METADATA}#Collection(${r.type})`,
      [page.next.kind === 'skip' ? '@odata.nextLink' : '@odata.deltaLink']: link,
      value,
    },
  };
}
