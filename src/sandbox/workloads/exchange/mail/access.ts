// Opening a mailbox the way Exchange decides it: the token must carry a mail permission of the right strength
// (the .Shared variant for anyone else's mailbox), and for another mailbox the caller must also hold full
// access to it in the organization's delegation table. Exchange answers every refusal with ErrorAccessDenied,
// so the router's generic permission check is left to pass and the decision is made here.

import type { Mailbox, StoredFolder, StoredMessage } from './model.js';
import { parseItemId, parseWellKnownFolderId } from '../ids/mail.js';
import type { ScopeRule } from '../../../graph/types.js';
import { accessDenied, idMalformed, invalidUser, itemNotFound, noMailbox } from '../errors.js';
import type { MailContext } from './route-types.js';

export type MailAccess = 'readBasic' | 'read' | 'write' | 'send';

const OWN: Record<MailAccess, string[]> = {
  readBasic: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
  read: ['Mail.Read', 'Mail.ReadWrite'],
  write: ['Mail.ReadWrite'],
  send: ['Mail.Send'],
};
const SHARED: Record<MailAccess, string[]> = {
  readBasic: ['Mail.ReadBasic.Shared', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
  read: ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
  write: ['Mail.ReadWrite.Shared'],
  send: ['Mail.Send.Shared'],
};

/** Any signed-in caller reaches the handler; Exchange's own check (openMailbox) decides. */
export const EXCHANGE_DECIDES: ScopeRule = (ctx) => ctx.principal.scopes;

export const hasAny = (ctx: MailContext, scopes: readonly string[]) =>
  ctx.principal.scopes.some((s) => scopes.some((x) => x.toLowerCase() === s.toLowerCase()));

/** Whether the caller's token allows this access to a mailbox (own: plain or .Shared; others: .Shared only). */
export function tokenAllows(ctx: MailContext, own: boolean, need: MailAccess): boolean {
  return hasAny(ctx, own ? [...OWN[need], ...SHARED[need]] : SHARED[need]);
}

export interface OpenMailbox {
  box: Mailbox;
  own: boolean;
  /** Only Mail.ReadBasic(.Shared): no bodies, previews or attachments. */
  basicOnly: boolean;
}

export function openMailbox(ctx: MailContext, need: MailAccess): OpenMailbox {
  const user = ctx.directory.findUser(ctx.params.id);
  if (!user) throw invalidUser(ctx.params.id);
  const box = ctx.state.mailboxOf(user.id);
  if (!box) throw noMailbox();
  const own = user.id.toLowerCase() === ctx.principal.user.id.toLowerCase();
  if (!tokenAllows(ctx, own, need)) throw accessDenied();
  if (!own && !ctx.state.canAccess(ctx.principal.user, box)) throw accessDenied();
  return { box, own, basicOnly: need === 'readBasic' && !tokenAllows(ctx, own, 'read') };
}

/** A message of this mailbox by id: 400 when the id is not an Exchange id at all, 404 when nothing has it. */
export function findMessage(box: Mailbox, id: string): StoredMessage {
  const parsed = parseItemId(id);
  if (!parsed) throw idMalformed();
  const m = parsed.kind === 'message' && parsed.mailboxGuid === box.guid ? box.messages.get(id) : undefined;
  if (!m) throw itemNotFound();
  return m;
}

/** A folder by id or well-known name; hidden system folders are reachable by name and id as in Exchange. */
export function findFolder(box: Mailbox, idOrName: string): StoredFolder {
  const f = box.findFolder(idOrName);
  if (f) return f;
  const wellKnown = parseWellKnownFolderId(idOrName);
  const item = parseItemId(idOrName);
  if (!wellKnown && !(item && item.kind === 'folder')) throw idMalformed();
  throw itemNotFound();
}

/** Now, to the second, as Exchange stamps items. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
