// Upload sessions for large attachments (3 MB to 150 MB), as Outlook runs them: createUploadSession answers an
// uploadUrl outside Graph, pre-authenticated by an `authtoken` in its query (Outlook's AttachmentSessions);
// the client PUTs the file in ranges of up to 4 MB, in order, and the last range turns the bytes into a file
// attachment of the message. The sessions of a tenant live here, shared with the upload endpoint.

import { randomBytes } from 'node:crypto';
import { SANDBOX_TENANT_ID } from '../../../contract.js';
import type { Mailbox, StoredMessage } from './model.js';
import type { MailStore } from './store.js';
import { GraphError, type GraphResponse } from '../../../graph/types.js';
import { nowIso } from './access.js';
import { bodyRead } from '../errors.js';
import type { MailContext } from './route-types.js';

export const UPLOAD_MIN = 3 * 1024 * 1024;
export const UPLOAD_MAX = 150 * 1024 * 1024;
export const CHUNK_MAX = 4 * 1024 * 1024;
/** Idle time after which a session is gone; every accepted range extends it. */
const SESSION_IDLE_MS = 15 * 60 * 1000;

export interface UploadSession {
  id: string;
  token: string;
  ownerId: string;
  messageId: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId: string | null;
  chunks: Buffer[];
  received: number;
  expires: number;
}

const sessionsByStore = new WeakMap<MailStore, Map<string, UploadSession>>();

export function uploadSessions(store: MailStore): Map<string, UploadSession> {
  let map = sessionsByStore.get(store);
  if (!map) sessionsByStore.set(store, (map = new Map()));
  return map;
}

/** The pre-authenticated URL of a session, on the origin the client used, shaped like Outlook's. */
export function uploadUrl(origin: string, s: UploadSession): string {
  return `${origin}/api/gv1.0/users('${s.ownerId}@${SANDBOX_TENANT_ID}')/messages('${s.messageId}')/AttachmentSessions('${s.id}')?authtoken=${s.token}`;
}

/** Outlook writes its session expiry with seven decimals. */
export const outlookTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

export function createUploadSession(ctx: MailContext, box: Mailbox, m: StoredMessage): GraphResponse {
  const body = ctx.req.body as Record<string, unknown> | undefined;
  const key = body && typeof body === 'object' ? Object.keys(body).find((k) => k.toLowerCase() === 'attachmentitem') : undefined;
  const item = key ? (body![key] as Record<string, unknown>) : undefined;
  if (!item || typeof item !== 'object') throw bodyRead("The parameter 'AttachmentItem' is missing from the request body.");
  if (typeof item.attachmentType === 'string' && item.attachmentType.toLowerCase() !== 'file') {
    throw bodyRead(`Upload sessions take file attachments only; attachmentType '${item.attachmentType}' is not supported.`);
  }
  if (typeof item.name !== 'string' || item.name.trim() === '') throw bodyRead("The property 'name' of the AttachmentItem is required.");
  const size = Number(item.size);
  if (!Number.isInteger(size) || size < 0) throw bodyRead("The property 'size' of the AttachmentItem must be a whole number of bytes.");
  if (size < UPLOAD_MIN) throw new GraphError(400, 'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize', 'Attachment size must be greater than the minimum size.');
  if (size > UPLOAD_MAX) throw new GraphError(400, 'ErrorAttachmentSizeLimitExceeded', 'The attachment exceeds the 150 MB limit of upload sessions.');
  const session: UploadSession = {
    id: randomBytes(33).toString('base64url'),
    token: randomBytes(48).toString('base64url'),
    ownerId: box.owner.id,
    messageId: m.id,
    name: item.name.trim(),
    contentType: typeof item.contentType === 'string' && item.contentType ? item.contentType : 'application/octet-stream',
    size,
    isInline: item.isInline === true,
    contentId: typeof item.contentId === 'string' ? item.contentId : null,
    chunks: [],
    received: 0,
    expires: Date.now() + SESSION_IDLE_MS,
  };
  uploadSessions(ctx.state).set(session.id, session);
  ctx.log(`mail: upload session opened in ${box.owner.userPrincipalName} for ${size} bytes`);
  return {
    status: 201,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession',
      uploadUrl: uploadUrl(ctx.req.url.origin, session),
      expirationDateTime: outlookTime(session.expires),
      nextExpectedRanges: ['0-'],
    },
  };
}

/** Accepts the next range; when the file is whole, attaches it and returns the new attachment's id. */
export function acceptRange(store: MailStore, s: UploadSession, chunk: Buffer): string | null {
  s.chunks.push(chunk);
  s.received += chunk.length;
  s.expires = Date.now() + SESSION_IDLE_MS;
  if (s.received < s.size) return null;
  uploadSessions(store).delete(s.id);
  const box = store.mailboxOf(s.ownerId);
  const m = box?.messages.get(s.messageId);
  if (!box || !m) return null;
  const now = nowIso();
  const a = box.addAttachment(m, { name: s.name, contentType: s.contentType, bytes: Buffer.concat(s.chunks), isInline: s.isInline, contentId: s.contentId, lastModifiedDateTime: now });
  box.touch(m, now);
  return a.id;
}
