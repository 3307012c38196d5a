// Input pieces shared by several groups: bounded text, whom a tool is about, and dates. (Addresses and paging
// live in content/.)
import { z } from 'zod';

/** A string of at most `max` characters. The bound keeps huge input away from Graph. It is checked, not listed
 *  (no maxLength in the JSON Schema): no model comes near it, and the tool list it would lengthen is read on
 *  every turn.
 *  A value (an id, a name, a date: the default) is trimmed and never blank: a blank optional parameter must
 *  not pass for "not given" (a blank occurrence date once acted on a whole series), so it is refused, for
 *  every parameter built here. Free text (`trim: false`: a body, a comment) may be empty unless `min: 1`. */
export function Text(max: number, opts: { min?: 1; trim?: false } = {}): z.ZodString {
  const s = opts.trim === false ? z.string() : z.string().trim();
  const bounded = s.refine((v) => v.length <= max, { message: `Too big: at most ${max} characters`, abort: true });
  if (opts.trim === false) return opts.min ? bounded.refine((v) => v.length >= 1, { message: 'Too small: must not be empty', abort: true }) : bounded;
  return bounded.refine((v) => v.length >= 1, { message: 'Must not be blank: leave the parameter out for its default', abort: true });
}

/** An array of at most `max` items (`min: 1` refuses an empty one); like Text, the bound is checked, not listed. */
export function List<T extends z.ZodType>(item: T, max: number, opts: { min?: 1 } = {}): z.ZodArray<T> {
  const bounded = z.array(item).refine((v) => v.length <= max, { message: `Too big: at most ${max} items`, abort: true });
  return opts.min ? bounded.refine((v) => v.length >= 1, { message: 'Too small: give at least one', abort: true }) : bounded;
}

/** A user id (GUID) or a user principal name / address. */
export const UserRef = Text(320, { min: 1 })
  .regex(/^[^/\\?#%]+$/, 'must be a user id (GUID) or an address like name@contoso.com, without / \\ ? # %')
  .describe('User id (GUID) or user principal name / email address');

// Formats are checked with refinements rather than JSON Schema patterns: the check is the same, and the
// tool list a model reads every turn stays free of long regular expressions.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a value is a directory object id (a GUID). */
export const isUserId = (v: string) => GUID.test(v);

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** A date (2026-11-01) or date-time (2026-11-01T09:00:00Z; without an offset it is UTC). */
export const DateInput = Text(40)
  .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(/T/i.test(v) ? v : `${v}T00:00:00Z`)), 'must be a date like 2026-11-01 or a date-time like 2026-11-01T09:00:00Z');
