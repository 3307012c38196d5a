// Tools that work in someone else's mailbox or calendar (`mailbox`, `calendarOwner`) share these two facts.
import type { AuthService } from './auth-service.js';

/** Whether an address or user id names the signed-in user (then /me serves, and no org mode is needed). */
export async function isSignedInUser(auth: AuthService, who: string): Promise<boolean> {
  const account = (await auth.status()).account;
  const key = who.toLowerCase();
  return !!account && (account.username.toLowerCase() === key || account.homeAccountId.toLowerCase().startsWith(`${key}.`));
}

/** Graph's codes for "there is no such person or mailbox" (as opposed to a bad item id). */
export const NO_SUCH_MAILBOX = /^(ErrorInvalidUser|ErrorNonExistentMailbox|MailboxNotEnabledForRESTAPI|MailboxNotFound|Request_ResourceNotFound|ResourceNotFound|UserNotFound)$/i;
