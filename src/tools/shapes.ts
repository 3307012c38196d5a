// Input and output pieces shared by several tools.
import { z } from 'zod';

/** A user id (GUID) or a user principal name / address. */
export const UserRef = z.string().trim().min(1).max(320)
  .regex(/^[^/\\?#%]+$/, 'must be a user id (GUID) or an address like name@contoso.com, without / \\ ? # %')
  .describe('User id (GUID) or user principal name / email address');

export const Limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt).describe(`How many to return (1-${max})`);
export const Cursor = z.string().min(1).max(4096).optional().describe('nextCursor from a previous call, to continue the list');

// Formats are checked with refinements rather than JSON Schema patterns: the check is the same, and the
// tool list a model reads every turn stays free of long regular expressions.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An SMTP address: local part, @, a domain with at least one dot; no spaces, brackets or quotes. */
const ADDRESS = /^[^\s@<>()[\],;:"/\\]+@[^\s@<>()[\],;:"/\\]+\.[^\s@<>()[\],;:"/\\.]{2,}$/;
export const isAddress = (v: string) => ADDRESS.test(v);

/** Whose mailbox (or calendar) a tool works in: a user id or address; omitted means the signed-in user. */
export const Mailbox = z.string().trim().max(320)
  .refine((v) => GUID.test(v) || ADDRESS.test(v), 'must be an address like shared@contoso.com or a user id (GUID)')
  .describe('Shared or delegated mailbox (address or id); default: yours');

/** A plain email address. */
export const Address = z.string().trim().max(320).refine(isAddress, 'must be an address like ada@contoso.com');

/** An email address, optionally with a display name: "ada@contoso.com" or "Ada Lovelace <ada@contoso.com>". */
export const EmailAddress = z.string().trim().max(400)
  .refine((v) => ADDRESS.test(v) || ((m) => !!m && !/[<>]/.test(m[1]) && ADDRESS.test(m[2].trim()))(/^(.*)<([^<>]*)>$/.exec(v)), 'must be an address like ada@contoso.com or "Ada Lovelace <ada@contoso.com>"');

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** A date (2026-11-01) or date-time (2026-11-01T09:00:00Z; without an offset it is UTC). */
export const DateInput = z.string().trim().max(40)
  .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(/T/i.test(v) ? v : `${v}T00:00:00Z`)), 'must be a date like 2026-11-01 or a date-time like 2026-11-01T09:00:00Z');
