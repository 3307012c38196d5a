// Every mail tool works in the signed-in user's mailbox or, given `mailbox`, in a shared or delegated one: the
// mail group's owner parameter (see ../owner.ts), with its words and the access each refusal names.
import { type Owner, ownerSchema, type OwnerParam } from '../owner.js';

/** Whose mailbox a tool works in: an address or user id; omitted means the signed-in user's. */
export const Mailbox = ownerSchema('Shared mailbox (address or id); default: yours');

export type MailboxRef = Owner;

/** What the signed-in user lacks on someone else's mailbox, by the permission the tool uses there. */
const DELEGATION: Record<string, string> = {
  'Mail.Read.Shared': 'read access (full access or folder permission)',
  'Mail.ReadWrite.Shared': 'full access',
  'Mail.Send.Shared': 'send-as (or send on behalf) permission',
};

export const MAILBOX: OwnerParam<'mailbox'> = {
  group: 'mail',
  name: 'mailbox',
  schema: Mailbox,
  mine: 'your mailbox',
  needsOrgMode: (who) =>
    `The mailbox ${who} is not yours: shared and delegated mailboxes need organization mode (start the server with --org-mode or MS365_MCP_ORG_MODE=true, then sign in again). Leave out mailbox for your own.`,
  denied: (e, mb: Owner, tool) => {
    if (!mb.other) return undefined;
    const scope = tool.orgScopes?.[0] ?? 'Mail.Read.Shared';
    return `No access to the mailbox ${mb.label}: ${e.graphMessage}. The signed-in user needs ${DELEGATION[scope]} on ${mb.label}, granted by an Exchange admin, and the app needs the ${scope} permission.`;
  },
  notFound: (e, mb) => `The mailbox ${mb.label} was not found (Graph ${e.code}: ${e.graphMessage}). Check the address; users_list finds people.`,
  badId: {
    codes: /^(ErrorInvalidIdMalformed|ErrorItemNotFound|ErrorInvalidId|ErrorInvalidIdNotAnItemAttachmentId|ErrorInvalidAttachmentId)$/i,
    where: 'Ids come from mail_list_messages, mail_search_messages, mail_get_message (attachments) or mail_list_folders, in the same mailbox.',
  },
};
