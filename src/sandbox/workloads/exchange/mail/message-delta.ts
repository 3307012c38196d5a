// Delta query over one folder's messages (GET .../mailFolders/{id}/messages/delta, also for a child folder): the
// first round pages out every message of the folder, a deltaLink then answers only what changed since, new and
// changed messages written as a GET of the folder writes them (with the round's $select and $expand), deleted
// ones and those moved elsewhere as removed. The options are the documented ones: $select, $top and $expand;
// $filter only on receivedDateTime ge/gt, $orderby only receivedDateTime desc (the default order anyway), no
// $search; `changeType` (created, updated, deleted) narrows what later rounds report. Change tracking itself is
// the Exchange-wide SyncStates (../delta/sync-states.ts); a message's change number is its stamp.

import { badRequest, type GraphResponse } from '../../../graph/types.js';
import { readOptions, readTop } from '../../../odata/options.js';
import { deltaResponse } from '../delta/delta-response.js';
import { invalidFilter } from '../errors.js';
import { readPreferences } from '../time/prefer.js';
import { EXCHANGE_DECIDES, findFolder, openMailbox } from './access.js';
import { compileMessageFilter, sortMessages } from './message-filter.js';
import { messageJson } from './message-json.js';
import { PAGE, viewOf } from './message-query.js';
import type { MailContext, MailRoute } from './route-types.js';

const unsupported = (option: string) => badRequest(`The query parameter ${option} is not supported with delta.`, 'ErrorInvalidUrlQuery');

function messagesDelta(ctx: MailContext): GraphResponse {
  const { box, basicOnly } = openMailbox(ctx, 'readBasic');
  const parent = findFolder(box, ctx.params.fid);
  const folder = ctx.params.cid === undefined ? parent : findFolder(box, ctx.params.cid);
  const round = ctx.state.syncStates.open(ctx.req, `messages:${box.guid}:${folder.id}`);
  const req = round.request;
  const opts = readOptions(req);
  if (opts.get('$search') !== undefined) throw unsupported('$search');
  const orderby = opts.get('$orderby');
  if (orderby !== undefined && !/^\s*receivedDateTime\s+desc\s*$/i.test(orderby)) throw unsupported(`$orderby '${orderby}'`);
  let items = box.messagesIn(folder.id);
  const filter = opts.get('$filter');
  if (filter !== undefined) {
    if (!/^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$/i.test(filter)) throw invalidFilter();
    const compiled = compileMessageFilter(filter, box);
    items = items.filter((m) => compiled.test(m));
  }
  const { view, headers } = viewOf({ ...ctx, req }, opts, basicOnly);
  const pageSize = Math.min(readTop(opts.get('$top'), PAGE), readPreferences(ctx.req).maxPageSize ?? Infinity);
  const tracked = sortMessages(box, items, []).map((m) => ({ id: m.id, stamp: String(m.changeNumber), item: m }));
  return deltaResponse(ctx, round.page(tracked, pageSize), { type: 'message', render: (m) => messageJson(box, m, view), headers });
}

export const messageDeltaRoutes: MailRoute[] = [
  { method: 'GET', path: '/users/{id}/mailFolders/{fid}/messages/delta', scopes: EXCHANGE_DECIDES, handler: messagesDelta },
  { method: 'GET', path: '/users/{id}/mailFolders/{fid}/childFolders/{cid}/messages/delta', scopes: EXCHANGE_DECIDES, handler: messagesDelta },
];
