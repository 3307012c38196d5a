// Page updates (PATCH .../pages/{id}/content) as OneNote applies them: an array of change objects, each a target
// (#data-id, a generated id, `body` for the first div, `title`), an action (append and prepend a child of body,
// div, ol or ul; insert a sibling before or after; replace), a position and HTML content. OneNote's support
// matrix decides what may be done to what (a generated id is needed to replace anything but the title, images and
// attachments); every change applies, or none does.

import { patchAction, patchArgument, patchEmpty, patchNoAppend, patchNoTarget, patchPayload, patchUnsupported } from '../errors.js';
import type { StoredPage } from '../model.js';
import { DEFAULT_OUTLINE, readFragment, type Sources } from './input.js';
import { el, isEl, walk, type El } from './tree.js';

interface Command {
  target: string;
  action: 'append' | 'insert' | 'prepend' | 'replace';
  position: 'after' | 'before';
  content: string;
}

const APPENDABLE = new Set(['body', 'div', 'ol', 'ul']);

/** The commands of a request body, checked before any applies. */
export function readCommands(body: unknown): Command[] {
  if (!Array.isArray(body)) throw patchPayload();
  if (body.length === 0) throw patchEmpty();
  return body.map((c): Command => {
    if (typeof c !== 'object' || c === null) throw patchPayload();
    const { target, action, position, content } = c as Record<string, unknown>;
    if (typeof target !== 'string' || target.trim() === '') throw patchArgument('every change needs a target.');
    if (typeof action !== 'string' || action.trim() === '') throw patchArgument('every change needs an action.');
    const act = action.toLowerCase();
    if (!['append', 'insert', 'prepend', 'replace'].includes(act)) throw patchAction(action);
    const pos = position === undefined || position === null ? 'after' : String(position).toLowerCase();
    if (pos !== 'after' && pos !== 'before') throw patchArgument(`'${String(position)}' is not a position; use after or before.`);
    if (typeof content !== 'string') throw patchArgument('every change needs its content as a string of HTML.');
    return { target: target.trim(), action: act as Command['action'], position: pos, content };
  });
}

/** Applies the commands to a copy of the page and keeps it only when every one succeeded. */
export function applyCommands(page: StoredPage, commands: Command[], src: Omit<Sources, 'elementId'>): void {
  const body = structuredClone(page.body);
  let title = page.title;
  let last = page.lastElement;
  const sources: Sources = { ...src, elementId: (tag) => `${tag}:{${page.elementGuid}}{${++last}}` };
  for (const c of commands) {
    if (c.target.toLowerCase() === 'title') {
      if (c.action !== 'replace') throw patchUnsupported('the title can only be replaced.');
      title = c.content.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
      continue;
    }
    const { node, parent } = locate(body, c.target, sources);
    const fresh = () => readFragment(c.content, sources);
    const outline = parent === body;
    if (c.action === 'append' || c.action === 'prepend') {
      if (!APPENDABLE.has(node.tag)) throw patchNoAppend(node.tag);
      const nodes = fresh();
      if (c.action === 'prepend' || c.position === 'before') node.children.unshift(...nodes);
      else node.children.push(...nodes);
      continue;
    }
    if (node === body || outline || !parent) throw patchUnsupported(`a ${outline ? 'positioned div' : 'body'} takes children only (append).`);
    const at = parent.children.indexOf(node);
    if (c.action === 'insert') parent.children.splice(c.position === 'before' ? at : at + 1, 0, ...fresh());
    else {
      const byDataId = c.target.startsWith('#');
      if (byDataId && node.tag !== 'img' && node.tag !== 'object') throw patchUnsupported(`replacing a ${node.tag} needs its generated id (GET .../content?includeIDs=true), not its data-id.`);
      parent.children.splice(at, 1, ...fresh());
    }
  }
  page.body = body;
  page.title = title;
  page.lastElement = last;
}

/** The element a target names; `body` is the page's first div (made when the page has none). */
function locate(body: El, target: string, sources: Sources): { node: El; parent: El | null } {
  if (target.toLowerCase() === 'body') {
    let first = body.children.find((n): n is El => isEl(n) && n.tag === 'div');
    if (!first) body.children.unshift((first = el('div', { id: sources.elementId('div'), 'data-id': '_default', style: DEFAULT_OUTLINE })));
    return { node: first, parent: body };
  }
  const matches = (n: El) => (target.startsWith('#') ? n.attrs['data-id'] === target.slice(1) : n.attrs.id === target);
  for (const { node, parent } of walk(body)) if (node !== body && matches(node)) return { node, parent };
  throw patchNoTarget(target);
}

/** The resources a page's body still shows. */
export function resourcesIn(body: El): Set<string> {
  const out = new Set<string>();
  for (const { node } of walk(body)) if (node.attrs['data-resource']) out.add(node.attrs['data-resource']);
  return out;
}
