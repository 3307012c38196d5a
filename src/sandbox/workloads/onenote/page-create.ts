// A new page from a create request, as OneNote makes one: the body is input HTML (text/html or
// application/xhtml+xml) or multipart/form-data with exactly one "Presentation" part of HTML and data parts the
// HTML names (`name:part`); refused otherwise with OneNote's codes. The HTML becomes the page (html/input.ts), its
// images and files resources of the page, its meta created (checked: 20007) the page's creation time.

import type { RouteContext } from '../../graph/types.js';
import { badContentType, badCreated, noContent, noPresentation, presentationType, twoPresentations } from './errors.js';
import { readPage, type Part, type Sources } from './html/input.js';
import { guid, pageId, resourceId } from './ids.js';
import type { Notes, OneNoteState, StoredPage, StoredResource, StoredSection } from './model.js';
import { multipartBoundary, partsByName, readMultipart } from './multipart.js';

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;

export interface PageSource {
  html: string;
  /** The data parts of a multipart request, by name. */
  parts?: Map<string, Part>;
}

/** The HTML and the data parts of a request's body, or OneNote's refusal. */
export function pageSource(ctx: RouteContext<OneNoteState>): PageSource {
  const type = ctx.req.headers['content-type'] ?? '';
  const body = ctx.req.body;
  if (body === undefined || (Buffer.isBuffer(body) && body.length === 0) || type.trim() === '') throw noContent();
  if (!Buffer.isBuffer(body)) throw badContentType(type);
  const boundary = multipartBoundary(type);
  if (!boundary) {
    if (!HTML_TYPE.test(type)) throw badContentType(type);
    return { html: body.toString('utf8') };
  }
  const parts = readMultipart(body, boundary);
  const presentation = parts.filter((p) => p.name.toLowerCase() === 'presentation');
  if (presentation.length === 0) throw noPresentation();
  if (presentation.length > 1) throw twoPresentations();
  if (!HTML_TYPE.test(presentation[0].type)) throw presentationType();
  return { html: presentation[0].bytes.toString('utf8'), parts: partsByName(parts.filter((p) => p !== presentation[0])) };
}

export interface NewPage {
  section: StoredSection;
  source: PageSource;
  appId: string;
  /** When the page is made (ISO): its creation time unless the HTML gives one, and its last change. */
  at: string;
  /** Seeded pages: a stable name their ids derive from. */
  seedName?: string;
}

/** Makes the page and its resources and adds them to the person's notes. */
export function addPage(state: OneNoteState, notes: Notes, p: NewPage): StoredPage {
  const id = pageId(p.seedName);
  const elementGuid = guid(p.seedName && `${p.seedName}/elements`);
  let last = 0;
  const made: StoredResource[] = [];
  const sources: Sources = {
    parts: p.source.parts,
    addResource: (bytes, contentType) => {
      const r = { id: resourceId(p.seedName && `${p.seedName}/resource/${made.length}`), ownerId: notes.owner.id, pageId: id, contentType, bytes };
      made.push(r);
      return r.id;
    },
    elementId: (tag) => `${tag}:{${elementGuid}}{${++last}}`,
  };
  const input = readPage(p.source.html, sources);
  const created = input.created === undefined ? { iso: p.at, wall: wallTime(p.at) } : createdTime(input.created);
  const page: StoredPage = {
    id,
    sectionId: p.section.id,
    title: input.title,
    createdDateTime: created.iso,
    createdWallTime: created.wall,
    lastModifiedDateTime: p.at > created.iso ? p.at : created.iso,
    createdByAppId: p.appId,
    level: 0,
    order: notes.pages.filter((x) => x.sectionId === p.section.id).length,
    body: input.body,
    elementGuid,
    lastElement: last,
  };
  for (const r of made) state.resources.set(r.id, r);
  notes.pages.push(page);
  if (page.lastModifiedDateTime > p.section.lastModifiedDateTime) p.section.lastModifiedDateTime = page.lastModifiedDateTime;
  return page;
}

/** The created time of a page's HTML: a date, or a date and time with or without seconds and zone offset. */
function createdTime(raw: string): { iso: string; wall: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(raw.trim());
  const zone = m?.[5] && m[5].toUpperCase() !== 'Z' ? `${m[5].slice(0, 3)}:${m[5].slice(-2)}` : 'Z';
  const ms = m ? Date.parse(`${m[1]}T${m[2] ?? '00:00'}:${m[3] ?? '00'}${m[4] ?? ''}${zone}`) : NaN;
  if (!m || Number.isNaN(ms)) throw badCreated(raw);
  return { iso: new Date(ms).toISOString().replace('.000Z', 'Z'), wall: `${m[1]}T${m[2] ?? '00:00'}:${m[3] ?? '00'}.0000000` };
}

/** An instant as the wall time OneNote's HTML shows (UTC here: the sandbox keeps no time zone for a page). */
const wallTime = (iso: string) => `${iso.slice(0, 19)}.0000000`;
