// Lists that come a page at a time, the same in every group: the limit and cursor a caller passes, the
// nextCursor a result carries (graph/client.ts's opaque cursor), and the line a result's text ends with.
import { z } from 'zod';
import { ToolError } from '../../graph/errors.js';
import { Text } from '../shapes.js';

export const Limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt).describe('How many to return');
export const Cursor = Text(4096).optional().describe('nextCursor of the previous page');

/** The output field: present when there is more. */
export const NextCursor = z.string().optional();

/** `{ nextCursor }` when the page has more, else nothing: what a result spreads in. */
export const nextCursor = (page: { nextCursor?: string }): { nextCursor?: string } => (page.nextCursor ? { nextCursor: page.nextCursor } : {});

/** The last line of a list's text when there is more. */
export const moreLine = (next: string | undefined): string => (next ? `\nmore: pass cursor ${next}` : '');

/** A cursor for a list the server pages itself (a search it merges, rows it slices): where to go on, bound to
 *  what was asked, so a cursor of another question is refused rather than misread. */
export const positionCursor = (key: string, at: unknown): string => Buffer.from(JSON.stringify({ k: key, o: at })).toString('base64url');

/** The position a cursor holds, checked against the question it was made for; undefined without a cursor. */
export function readPositionCursor<T>(cursor: string | undefined, key: string, valid: (at: unknown) => at is T, what: string, same: string): T | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; o?: unknown };
    if (c.k === key && valid(c.o)) return c.o;
  } catch {
    // worded below
  }
  throw new ToolError(`That cursor belongs to another ${what}: pass the same ${same} with it, or leave out cursor to start again.`);
}

/** An offset into a list: a whole number above 0. */
export const isOffset = (at: unknown): at is number => Number.isInteger(at) && (at as number) > 0;
