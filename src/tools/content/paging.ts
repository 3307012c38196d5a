// Lists that come a page at a time, the same in every group: the limit and cursor a caller passes, the
// nextCursor a result carries (graph/client.ts's opaque cursor), and the line a result's text ends with.
import { z } from 'zod';
import { Text } from '../shapes.js';

export const Limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt).describe('How many to return');
export const Cursor = Text(4096).optional().describe('nextCursor of the previous page');

/** The output field: present when there is more. */
export const NextCursor = z.string().optional();

/** `{ nextCursor }` when the page has more, else nothing: what a result spreads in. */
export const nextCursor = (page: { nextCursor?: string }): { nextCursor?: string } => (page.nextCursor ? { nextCursor: page.nextCursor } : {});

/** The last line of a list's text when there is more. */
export const moreLine = (next: string | undefined): string => (next ? `\nmore: pass cursor ${next}` : '');
