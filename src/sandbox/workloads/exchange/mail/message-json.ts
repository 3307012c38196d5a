// microsoft.graph.message (and fileAttachment) as Graph writes them: the property set returned without $select
// in Graph's order, `@odata.etag` and `id` on every item whatever $select says, bodies converted to the
// content type the client prefers, and derived values (hasAttachments ignores inline attachments,
// bodyPreview is the first 255 characters of the body as text, conversationId is per mailbox). Meeting
// messages carry their derived type in @odata.type and its properties (see event-message.ts).

import type { EventMessageFacts, MeetingMail } from '../meeting-mail.js';
import { htmlToText, previewOf, textToHtml } from '../html.js';
import type { ItemBody, Mailbox, StoredAttachment, StoredMessage } from './model.js';
import { accessDenied, parseUri, unknownMessageProperty } from '../errors.js';
import { castType, defaultProperties, eventMessageValue, isA, isEventMessageProperty, odataType, resolveCastProperty, splitCast } from './event-message.js';
import { splitTopLevel } from '../../../odata/select.js';

/** Graph v1.0's default properties of a message, in the order Graph writes them. */
export const MESSAGE_DEFAULT_SELECT = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime', 'hasAttachments',
  'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'conversationIndex',
  'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink', 'inferenceClassification', 'body', 'sender',
  'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag',
] as const;
/** Selectable only: Graph returns them when asked for by name. */
const SELECT_ONLY = ['uniqueBody', 'internetMessageHeaders'];
export const MESSAGE_PROPERTIES: readonly string[] = [...MESSAGE_DEFAULT_SELECT, ...SELECT_ONLY];
/** What Mail.ReadBasic does not let a client see. */
const BODY_PROPERTIES = ['body', 'bodyPreview', 'uniqueBody'];

export interface MessageExpand {
  /** $expand=attachments, with the nested $select if any. */
  attachments?: { select?: string[] };
  /** $expand=microsoft.graph.eventMessage/event, with the event's $select as written (the calendar reads it). */
  event?: { select?: string };
}

export interface MessageView extends MessageExpand {
  select?: string[];
  basicOnly: boolean;
  /** From `Prefer: outlook.body-content-type`. */
  bodyType?: 'text' | 'html';
  /** From `Prefer: outlook.timezone`: the zone of a meeting message's times (UTC without it). */
  zone?: string;
  /** What the calendar says about meeting messages. */
  meetings: MeetingMail;
  /** The context URL of a message's expanded event (event@odata.context). */
  eventContext: (m: StoredMessage) => string;
}

const plainProperty = (name: string) => MESSAGE_PROPERTIES.find((p) => p.toLowerCase() === name.trim().toLowerCase());

export function resolveMessageProperty(name: string): string {
  const hit = resolveCastProperty(name, plainProperty) ?? plainProperty(name);
  if (!hit) throw unknownMessageProperty(name.trim());
  return hit;
}

export function parseMessageSelect(raw: string | undefined, basicOnly: boolean): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const names = [...new Set(raw.split(',').filter((s) => s.trim()).map(resolveMessageProperty))];
  if (basicOnly && names.some((n) => BODY_PROPERTIES.includes(splitCast(n)?.prop ?? n))) throw accessDenied();
  return names;
}

/** $expand on messages: the attachments relationship and a meeting message's event (through its type cast), each optionally with ($select=...). */
export function parseMessageExpand(raw: string | undefined): MessageExpand {
  const out: MessageExpand = {};
  if (raw === undefined || raw.trim() === '') return out;
  for (const item of splitTopLevel(raw, ',')) {
    const m = /^\s*([\w.]+?)(?:\/(\w+))?\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/i.exec(item);
    const name = m?.[2] === undefined ? m?.[1] : `${m[1]}/${m[2]}`;
    if (m && m[2] === undefined && m[1].toLowerCase() === 'attachments') {
      out.attachments = { select: m[3] ? m[3].split(',').map((s) => resolveAttachmentProperty(s)) : undefined };
    } else if (m && m[2]?.toLowerCase() === 'event' && castType(m[1])) {
      out.event = { select: m[3] };
    } else throw parseUri(`Could not find a property named '${(name ?? item).split('(')[0].trim()}' on type 'microsoft.graph.message'.`);
  }
  return out;
}

export function convertBody(body: ItemBody, want: 'text' | 'html' | undefined): ItemBody {
  if (want === 'text' && body.contentType === 'html') return { contentType: 'text', content: htmlToText(body.content) };
  if (want === 'html' && body.contentType === 'text') return { contentType: 'html', content: textToHtml(body.content) };
  return { ...body };
}

function value(box: Mailbox, m: StoredMessage, prop: string, view: MessageView): unknown {
  switch (prop) {
    case 'changeKey':
      return box.changeKeyOf(m);
    case 'hasAttachments':
      return m.attachments.some((a) => !a.isInline);
    case 'bodyPreview':
      return previewOf(m.body);
    case 'parentFolderId':
      return m.folderId;
    case 'conversationId':
      return box.conversationIdOf(m);
    case 'conversationIndex':
      return m.conversationIndex.toString('base64');
    case 'webLink':
      return messageWebLink(m);
    case 'body':
      return convertBody(m.body, view.bodyType);
    case 'uniqueBody':
      return convertBody(m.uniqueBody ?? m.body, view.bodyType);
    case 'categories':
      return [...m.categories];
    case 'flag':
      return structuredClone(m.flag);
    case 'internetMessageHeaders':
      return (m.internetMessageHeaders ?? []).map((h) => ({ ...h }));
    default: {
      const v = (m as unknown as Record<string, unknown>)[prop];
      return v === undefined ? null : structuredClone(v);
    }
  }
}

export function messageJson(box: Mailbox, m: StoredMessage, view: MessageView): Record<string, unknown> {
  const facts = view.meetings.describe(box.owner.id, m.internetMessageId, view.zone);
  // A derived type is announced first, before the etag, as Graph writes it.
  const out: Record<string, unknown> = facts ? { '@odata.type': odataType(facts) } : {};
  out['@odata.etag'] = `W/"${box.changeKeyOf(m)}"`;
  out.id = m.id;
  const base = MESSAGE_DEFAULT_SELECT.filter((p) => !(view.basicOnly && BODY_PROPERTIES.includes(p)));
  const props = view.select ?? (facts ? defaultProperties(base, facts) : base);
  const valueOf = (p: string) => (facts && isEventMessageProperty(p) ? eventMessageValue(facts, p) : value(box, m, p, view));
  for (const p of props) {
    if (p === 'id') continue;
    const cast = splitCast(p);
    // A cast-qualified property comes back under its own name, and only on messages of that type.
    if (!cast) out[p] = valueOf(p);
    else if (facts && isA(facts.odataType, cast.cast)) out[cast.prop] = valueOf(cast.prop);
  }
  if (view.attachments) out.attachments = m.attachments.map((a) => attachmentJson(a, view.attachments!.select));
  if (view.event && facts) Object.assign(out, expandedEvent(box, m, facts, view));
  return out;
}

/** The event a meeting message links to, as $expand writes it: null when the item is gone. */
function expandedEvent(box: Mailbox, m: StoredMessage, facts: EventMessageFacts, view: MessageView): Record<string, unknown> {
  const opts = { zone: view.zone, bodyType: view.bodyType, select: view.event!.select };
  const event = facts.eventId === null ? undefined : view.meetings.renderEvent(box.owner.id, facts.eventId, opts);
  return event ? { 'event@odata.context': view.eventContext(m), event } : { event: null };
}

const ATTACHMENT_PROPERTIES = ['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline', 'contentId', 'contentLocation', 'contentBytes'];

export function resolveAttachmentProperty(name: string): string {
  const hit = ATTACHMENT_PROPERTIES.find((p) => p.toLowerCase() === name.trim().toLowerCase());
  if (!hit) throw parseUri(`Could not find a property named '${name.trim()}' on type 'microsoft.graph.attachment'.`);
  return hit;
}

/** A file attachment as Graph lists it: its type annotation first, the bytes base64-encoded in contentBytes. */
export function attachmentJson(a: StoredAttachment, select?: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.bytes.length,
    isInline: a.isInline,
    contentId: a.contentId,
    contentLocation: null,
    contentBytes: a.bytes.toString('base64'),
  };
  const out: Record<string, unknown> = { '@odata.type': '#microsoft.graph.fileAttachment' };
  if (!select) out['@odata.mediaContentType'] = a.contentType;
  for (const p of select ? ['id', ...select.filter((s) => s !== 'id')] : ATTACHMENT_PROPERTIES) out[p] = all[p];
  return out;
}

/** The message in Outlook on the web. */
export const messageWebLink = (m: StoredMessage) => `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`;
