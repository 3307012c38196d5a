// Email addresses as callers give them ("ada@contoso.com" or "Ada Lovelace <ada@contoso.com>") and as Graph
// holds them ({ emailAddress: { name, address } }): checked, parsed and formatted in this one place, for mail
// recipients, meeting attendees, and later contacts and shares.
import { Text } from '../shapes.js';

/** An SMTP address: local part, @, a domain with at least one dot; no spaces, brackets or quotes. */
const ADDRESS = /^[^\s@<>()[\],;:"/\\]+@[^\s@<>()[\],;:"/\\]+\.[^\s@<>()[\],;:"/\\.]{2,}$/;
const NAMED = /^(.*)<([^<>]*)>$/;

export const isAddress = (v: string) => ADDRESS.test(v);

// Formats are checked with refinements rather than JSON Schema patterns: the check is the same, and the
// tool list a model reads every turn stays free of long regular expressions.

/** A plain email address. */
export const Address = Text(320).refine(isAddress, 'must be an address like ada@contoso.com');

/** An email address, optionally with a display name: "ada@contoso.com" or "Ada Lovelace <ada@contoso.com>". */
export const EmailAddress = Text(400)
  .refine((v) => ADDRESS.test(v) || ((m) => !!m && !/[<>]/.test(m[1]) && ADDRESS.test(m[2].trim()))(NAMED.exec(v)), 'must be an address like ada@contoso.com or "Ada Lovelace <ada@contoso.com>"');

/** The address and display name of "address" or "Name <address>" (already checked by EmailAddress). */
export function parseAddress(s: string): { address: string; name?: string } {
  const m = NAMED.exec(s.trim());
  if (!m) return { address: s.trim() };
  const name = m[1].trim().replace(/^"(.*)"$/, '$1').trim();
  return { address: m[2].trim(), ...(name ? { name } : {}) };
}

/** Graph's recipient (mail) or attendee (events) without its extras. */
export type GraphRecipient = { emailAddress?: { name?: string | null; address?: string | null } | null };

/** Graph recipients from "address" or "Name <address>" strings. */
export const toRecipients = (list: readonly string[] | undefined): { emailAddress: { address: string; name?: string } }[] =>
  (list ?? []).map((s) => ({ emailAddress: parseAddress(s) }));

/** "Name <address>", or just the address when there is no distinct name. */
export function formatAddress(r?: GraphRecipient | null): string {
  const name = r?.emailAddress?.name?.trim();
  const address = r?.emailAddress?.address?.trim();
  if (!address) return name ?? '';
  return name && name.toLowerCase() !== address.toLowerCase() ? `${name} <${address}>` : address;
}
