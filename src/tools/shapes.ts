// Input pieces shared by several groups: whom a tool is about, and dates. (Addresses and paging live in content/.)
import { z } from 'zod';

/** A user id (GUID) or a user principal name / address. */
export const UserRef = z.string().trim().min(1).max(320)
  .regex(/^[^/\\?#%]+$/, 'must be a user id (GUID) or an address like name@contoso.com, without / \\ ? # %')
  .describe('User id (GUID) or user principal name / email address');

// Formats are checked with refinements rather than JSON Schema patterns: the check is the same, and the
// tool list a model reads every turn stays free of long regular expressions.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a value is a directory object id (a GUID). */
export const isUserId = (v: string) => GUID.test(v);

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** A date (2026-11-01) or date-time (2026-11-01T09:00:00Z; without an offset it is UTC). */
export const DateInput = z.string().trim().max(40)
  .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(/T/i.test(v) ? v : `${v}T00:00:00Z`)), 'must be a date like 2026-11-01 or a date-time like 2026-11-01T09:00:00Z');
