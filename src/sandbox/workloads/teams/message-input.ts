// Reads the chatMessage a client posts, as Teams checks it: a body (text unless it says html), an importance, and
// mentions kept in step with the body (every mention's `<at id="n">` marker present, every marker backed by a
// mention, each mentioned person able to see the conversation; mentions need an html body), attachments whose ids
// the body's `<attachment id>` markers name (a file by reference needs its contentUrl, a card its content).

import type { DirectoryUser } from '../../directory/directory.js';
import { badRequest, mentionEntryMissing, mentionMarkerMissing, mentionedNotMember } from './errors.js';
import type { Importance, StoredAttachment, StoredMention } from './model.js';

export interface MessageInput {
  body: { contentType: 'text' | 'html'; content: string };
  subject: string | null;
  importance: Importance;
  mentions: StoredMention[];
  attachments: StoredAttachment[];
}

/** What the reader needs of the conversation: who its people are. */
export interface Audience {
  findUser(idOrUpn: string): DirectoryUser | undefined;
  /** Whether the person can see the channel or chat the message goes to. */
  canSee(user: DirectoryUser): boolean;
}

/** chatMessage properties a client may send; the rest of the type is the service's to set, and ignored. */
const ACCEPTED = ['body', 'subject', 'importance', 'mentions', 'attachments', 'hostedContents', 'summary', 'locale'];
const SERVICE_SET = ['id', 'replyToId', 'etag', 'messageType', 'createdDateTime', 'lastModifiedDateTime', 'lastEditedDateTime', 'deletedDateTime', 'chatId', 'webUrl', 'channelIdentity', 'policyViolation', 'eventDetail', 'from', 'reactions', 'messageHistory'];
const IMPORTANCE: readonly Importance[] = ['normal', 'high', 'urgent'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalidBody = () => badRequest('Invalid request body was sent.');

export function readMessageInput(raw: unknown, audience: Audience, allowSubject: boolean): MessageInput {
  if (!isObject(raw)) throw invalidBody();
  for (const key of Object.keys(raw)) {
    if (key.startsWith('@odata.') || ACCEPTED.includes(key) || SERVICE_SET.includes(key)) continue;
    throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.chatMessage'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
  }
  const body = readBody(raw.body);
  const attachments = readAttachments(raw.attachments, body.content);
  if (!body.content.trim() && attachments.length === 0) throw badRequest('Message body cannot be empty.');
  const mentions = readMentions(raw.mentions, body, audience);
  const importance = raw.importance ?? 'normal';
  if (typeof importance !== 'string' || !IMPORTANCE.includes(importance as Importance)) {
    throw badRequest(`Requested value '${String(importance)}' was not found in the chatMessageImportance enumeration.`);
  }
  const subject = raw.subject ?? null;
  if (subject !== null && typeof subject !== 'string') throw invalidBody();
  // Replies and chat messages carry no subject of their own; Teams drops one sent with them.
  return { body, subject: allowSubject ? subject || null : null, importance: importance as Importance, mentions, attachments };
}

function readBody(raw: unknown): MessageInput['body'] {
  if (!isObject(raw)) throw badRequest('Message body cannot be empty.');
  const contentType = raw.contentType ?? 'text';
  if (contentType !== 'text' && contentType !== 'html') throw badRequest(`Requested value '${String(contentType)}' was not found in the bodyType enumeration.`);
  const content = raw.content ?? '';
  if (typeof content !== 'string') throw invalidBody();
  return { contentType, content };
}

/** `<at id="n">` markers of the body, by id (either quote, as Teams writes both). */
const markersIn = (html: string) => new Set([...html.matchAll(/<at\s+id=(?:"(\d+)"|'(\d+)')\s*>/gi)].map((m) => m[1] ?? m[2]));

function readMentions(raw: unknown, body: MessageInput['body'], audience: Audience): StoredMention[] {
  const list = raw ?? [];
  if (!Array.isArray(list)) throw invalidBody();
  if (list.length > 0 && body.contentType !== 'html') throw badRequest('Mentions are supported only in a message whose body contentType is html.');
  const markers = body.contentType === 'html' ? markersIn(body.content) : new Set<string>();
  const out: StoredMention[] = [];
  for (const m of list) {
    if (!isObject(m) || !Number.isInteger(m.id) || typeof m.mentionText !== 'string' || !isObject(m.mentioned)) throw invalidBody();
    const id = m.id as number;
    if (out.some((x) => x.id === id)) throw badRequest(`The mentions contain more than one entry with Id '${id}'.`);
    if (!markers.has(String(id))) throw mentionMarkerMissing(id);
    const mentioned = m.mentioned.user;
    if (!isObject(mentioned) || typeof mentioned.id !== 'string') throw badRequest('The sandbox keeps mentions of people only: mentioned.user with the person\'s id is required.');
    const user = audience.findUser(mentioned.id);
    if (!user || !user.accountEnabled) throw mentionedNotMember(typeof mentioned.displayName === 'string' ? mentioned.displayName : mentioned.id);
    if (!audience.canSee(user)) throw mentionedNotMember(user.displayName);
    out.push({ id, mentionText: m.mentionText, userId: user.id, displayName: user.displayName });
  }
  for (const marker of markers) if (!out.some((x) => String(x.id) === marker)) throw mentionEntryMissing(marker);
  return out;
}

function readAttachments(raw: unknown, content: string): StoredAttachment[] {
  const list = raw ?? [];
  if (!Array.isArray(list)) throw invalidBody();
  const referenced = new Set([...content.matchAll(/<attachment\s+id=(?:"([^"]+)"|'([^']+)')/gi)].map((m) => m[1] ?? m[2]));
  return list.map((a): StoredAttachment => {
    if (!isObject(a) || typeof a.id !== 'string' || typeof a.contentType !== 'string') throw invalidBody();
    if (!referenced.has(a.id)) throw badRequest(`Attachment with id '${a.id}' is not referenced in the body. Add '<attachment id="${a.id}"></attachment>' to the body.`);
    const text = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
    if (a.contentType === 'reference' && !text('contentUrl')) throw badRequest(`Attachment '${a.id}' of type reference needs the contentUrl of the file.`);
    if (a.contentType !== 'reference' && !text('content') && !text('contentUrl')) throw badRequest(`Attachment '${a.id}' needs its content.`);
    return { id: a.id, contentType: a.contentType, contentUrl: text('contentUrl'), content: text('content'), name: text('name'), thumbnailUrl: text('thumbnailUrl'), teamsAppId: text('teamsAppId') };
  });
}
