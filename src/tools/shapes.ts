// Input and output pieces shared by several tools.
import { z } from 'zod';

/** A user id (GUID) or a user principal name / address. */
export const UserRef = z.string().trim().min(1).max(320)
  .regex(/^[^/\\?#%]+$/, 'must be a user id (GUID) or an address like name@contoso.com, without / \\ ? # %')
  .describe('User id (GUID) or user principal name / email address');

export const Limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt).describe(`How many to return (1-${max})`);
export const Cursor = z.string().min(1).max(4096).optional().describe('nextCursor from a previous call, to continue the list');
