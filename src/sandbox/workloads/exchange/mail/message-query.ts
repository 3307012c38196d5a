// Reading messages: a collection (a folder or the whole mailbox) with $select, $filter, $orderby, $top, $skip,
// $count, $search and $expand (attachments, a meeting message's event), newest first by default and in pages of
// 10 continued by @odata.nextLink ($skip=n, or an opaque $skiptoken for searches, which refuse $skip, $orderby
// and $filter); one message by id; and `Prefer: outlook.body-content-type` / `outlook.timezone` with their
// Preference-Applied answer.

import type { Mailbox, StoredMessage } from './model.js';
import { readOptions, readSkip, readTop, type RawOptions } from '../../../odata/options.js';
import { makeSkipToken, nextLink, queryFingerprint, readSkipToken } from '../../../odata/paging.js';
import { METADATA } from '../../../odata/query.js';
import type { GraphResponse } from '../../../graph/types.js';
import { accessDenied, searchWithFilter, searchWithOrderBy, searchWithSkip } from '../errors.js';
import { checkFilterOrder, compileMessageFilter, parseMessageOrderBy, sortMessages } from './message-filter.js';
import { messageJson, parseMessageExpand, parseMessageSelect, type MessageView } from './message-json.js';
import { compileMessageSearch } from './message-search.js';
import type { MailContext } from './route-types.js';
import { readPreferences } from '../time/prefer.js';

/** Exchange's page of messages: 10 unless $top or `Prefer: odata.maxpagesize` says otherwise. */
export const PAGE = { default: 10, max: 1000 };
/** Exchange answers a search with at most this many messages. */
const SEARCH_LIMIT = 1000;

export interface MessageCollection {
  box: Mailbox;
  items: StoredMessage[];
  /** After $metadata#, e.g. users('…')/mailFolders('inbox')/messages. */
  contextPath: string;
  basicOnly: boolean;
}

export interface MailPreferences {
  bodyType?: 'text' | 'html';
  /** The zone of a meeting message's times (and of its event), by the name Exchange echoes. */
  zone?: string;
  headers: Record<string, string>;
}

/** The body type and time zone a client prefers (Prefer header), and the Preference-Applied answer. */
export function mailPreferences(ctx: MailContext): MailPreferences {
  const prefer = ctx.req.headers['prefer'] ?? '';
  const body = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(prefer);
  const tz = /outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s]+))/i.exec(prefer);
  const bodyType = body ? (body[1].toLowerCase() as 'text' | 'html') : undefined;
  const zone = tz ? ctx.state.meetings.preferredZone(tz[1] ?? tz[2]) : undefined;
  const applied = [...(zone !== undefined ? [`outlook.timezone="${zone}"`] : []), ...(bodyType ? [`outlook.body-content-type="${bodyType}"`] : [])];
  return { bodyType, zone, headers: applied.length ? { 'Preference-Applied': applied.join(', ') } : {} };
}

/** Where an expanded or navigated event of a message lives, as Graph names it in @odata.context. */
export const eventContextOf = (ctx: MailContext, m: StoredMessage) =>
  `${METADATA}#users('${ctx.params.id}')/messages('${encodeURIComponent(m.id)}')/microsoft.graph.eventMessage/event/$entity`;

/** How a request wants messages written: $select, $expand and the Prefer header's body type and zone. */
export function viewOf(ctx: MailContext, opts: RawOptions, basicOnly: boolean): { view: MessageView; headers: Record<string, string> } {
  const pref = mailPreferences(ctx);
  const select = parseMessageSelect(opts.get('$select'), basicOnly);
  const expand = parseMessageExpand(opts.get('$expand'));
  if (basicOnly && (expand.attachments || expand.event)) throw accessDenied();
  const view: MessageView = {
    select,
    basicOnly,
    bodyType: pref.bodyType,
    zone: pref.zone,
    ...expand,
    meetings: ctx.state.meetings,
    eventContext: (m) => eventContextOf(ctx, m),
  };
  return { view, headers: pref.headers };
}

const projection = (view: MessageView) => {
  const parts = [...(view.select ?? []), ...(view.attachments ? ['attachments()'] : []), ...(view.event ? ['microsoft.graph.eventMessage/event()'] : [])];
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

export function listMessages(ctx: MailContext, src: MessageCollection): GraphResponse {
  const opts = readOptions(ctx.req);
  const { view, headers } = viewOf(ctx, opts, src.basicOnly);
  const items = matching(src, opts);
  // `Prefer: odata.maxpagesize` caps a page below $top, as Exchange may size pages itself; the nextLink
  // then continues right after the shorter page.
  const top = Math.min(readTop(opts.get('$top'), PAGE), readPreferences(ctx.req).maxPageSize ?? Infinity);
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
export function countMessages(ctx: MailContext, src: MessageCollection): GraphResponse {
  const opts = readOptions(ctx.req);
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: String(matching(src, opts).length) };
}

/** One message as GET returns it (also the answer of create, update, move and copy). */
export function messageResponse(ctx: MailContext, box: Mailbox, m: StoredMessage, basicOnly: boolean, status = 200): GraphResponse {
  const opts = readOptions(ctx.req);
  const { view, headers } = viewOf(ctx, opts, basicOnly);
  const body = { '@odata.context': `${METADATA}#users('${ctx.params.id}')/messages${projection(view)}/$entity`, ...messageJson(box, m, view) };
  return { status, headers, body };
}
