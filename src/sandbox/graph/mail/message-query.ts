// Reading messages: a collection (a folder or the whole mailbox) with $select, $filter, $orderby, $top, $skip,
// $count, $search and $expand=attachments, newest first by default and in pages of 10 continued by
// @odata.nextLink ($skip=n, or an opaque $skiptoken for searches, which refuse $skip, $orderby and $filter);
// one message by id; and `Prefer: outlook.body-content-type` with its Preference-Applied answer.

import type { Mailbox, StoredMessage } from '../../seed/mail-model.js';
import { readOptions, readSkip, readTop, type RawOptions } from '../odata/options.js';
import { makeSkipToken, nextLink, queryFingerprint, readSkipToken } from '../odata/paging.js';
import { METADATA } from '../odata/query.js';
import type { GraphResponse, RouteContext } from '../types.js';
import { accessDenied, searchWithFilter, searchWithOrderBy, searchWithSkip } from './errors.js';
import { checkFilterOrder, compileMessageFilter, parseMessageOrderBy, sortMessages } from './message-filter.js';
import { messageJson, parseMessageExpand, parseMessageSelect, type MessageView } from './message-json.js';
import { compileMessageSearch } from './message-search.js';

const PAGE = { default: 10, max: 1000 };
/** Exchange answers a search with at most this many messages. */
const SEARCH_LIMIT = 1000;

export interface MessageCollection {
  box: Mailbox;
  items: StoredMessage[];
  /** After $metadata#, e.g. users('…')/mailFolders('inbox')/messages. */
  contextPath: string;
  basicOnly: boolean;
}

/** The body type a client prefers, and the header that says the preference was honoured. */
export function bodyPreference(ctx: RouteContext): { bodyType?: 'text' | 'html'; headers: Record<string, string> } {
  const m = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(ctx.req.headers['prefer'] ?? '');
  if (!m) return { headers: {} };
  const bodyType = m[1].toLowerCase() as 'text' | 'html';
  return { bodyType, headers: { 'Preference-Applied': `outlook.body-content-type="${bodyType}"` } };
}

function viewOf(ctx: RouteContext, opts: RawOptions, basicOnly: boolean): { view: MessageView; headers: Record<string, string> } {
  const pref = bodyPreference(ctx);
  const select = parseMessageSelect(opts.get('$select'), basicOnly);
  const attachments = parseMessageExpand(opts.get('$expand'));
  if (basicOnly && attachments) throw accessDenied();
  return { view: { select, basicOnly, bodyType: pref.bodyType, attachments }, headers: pref.headers };
}

const projection = (view: MessageView) => {
  const parts = [...(view.select ?? []), ...(view.attachments ? ['attachments()'] : [])];
  return parts.length ? `(${parts.join(',')})` : '';
};

function matching(src: MessageCollection, opts: RawOptions): StoredMessage[] {
  const search = opts.get('$search');
  const filter = opts.get('$filter');
  const orderby = opts.get('$orderby');
  if (search !== undefined) {
    if (filter !== undefined) throw searchWithFilter();
    if (orderby !== undefined) throw searchWithOrderBy();
    if (opts.get('$skip') !== undefined) throw searchWithSkip();
    const match = compileMessageSearch(search);
    // Search results come newest-sent first.
    return src.items
      .filter(match)
      .sort((a, b) => (b.sentDateTime ?? b.createdDateTime).localeCompare(a.sentDateTime ?? a.createdDateTime))
      .slice(0, SEARCH_LIMIT);
  }
  const keys = orderby !== undefined && orderby.trim() !== '' ? parseMessageOrderBy(orderby) : [];
  let items = src.items;
  if (filter !== undefined && filter.trim() !== '') {
    const compiled = compileMessageFilter(filter, src.box);
    if (keys.length) checkFilterOrder(compiled, keys);
    items = items.filter((m) => compiled.test(m));
  }
  return sortMessages(src.box, items, keys);
}

export function listMessages(ctx: RouteContext, src: MessageCollection): GraphResponse {
  const opts = readOptions(ctx.req);
  const { view, headers } = viewOf(ctx, opts, src.basicOnly);
  const items = matching(src, opts);
  const top = readTop(opts.get('$top'), PAGE);
  const searching = opts.get('$search') !== undefined;
  const path = ctx.req.url.pathname.replace(/^\/v1\.0/i, '');
  const fingerprint = queryFingerprint(path, ctx.req.url.searchParams);
  const token = opts.get('$skiptoken');
  const offset = token ? readSkipToken(token, fingerprint) : readSkip(opts.get('$skip'));
  const page = items.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': `${METADATA}#${src.contextPath}${projection(view)}` };
  if (opts.count) body['@odata.count'] = items.length;
  body.value = page.map((m) => messageJson(src.box, m, view));
  if (offset + top < items.length) {
    const paging = searching
      ? { name: '$skiptoken' as const, value: makeSkipToken(offset + top, fingerprint) }
      : { name: '$skip' as const, value: String(offset + top) };
    body['@odata.nextLink'] = nextLink(ctx.serviceRoot, path, ctx.req.url.searchParams, paging);
  }
  return { status: 200, headers, body };
}

/** GET {messages}/$count: the number of messages matching $filter or $search, as text. */
export function countMessages(ctx: RouteContext, src: MessageCollection): GraphResponse {
  const opts = readOptions(ctx.req);
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: String(matching(src, opts).length) };
}

/** One message as GET returns it (also the answer of create, update, move and copy). */
export function messageResponse(ctx: RouteContext, box: Mailbox, m: StoredMessage, basicOnly: boolean, status = 200): GraphResponse {
  const opts = readOptions(ctx.req);
  const { view, headers } = viewOf(ctx, opts, basicOnly);
  const body = { '@odata.context': `${METADATA}#users('${ctx.params.id}')/messages${projection(view)}/$entity`, ...messageJson(box, m, view) };
  return { status, headers, body };
}
