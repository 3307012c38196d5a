// A page's content as OneNote keeps it: a tree of elements and text in output form (the HTML GET .../content
// returns), each element OneNote can update carrying its generated id (`p:{guid}{7}`) in `id`. Helpers to walk it
// and to write it back out as OneNote's output HTML.

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
export type Node = El | string;

export const isEl = (n: Node): n is El => typeof n !== 'string';

export const el = (tag: string, attrs: Record<string, string> = {}, children: Node[] = []): El => ({ tag, attrs, children });

/** Elements that never have children (written `<br />`). */
const VOID = new Set(['br', 'img', 'object', 'iframe', 'meta']);
/** Elements whose children go on lines of their own in the output. */
const BLOCK_PARENTS = new Set(['body', 'div', 'ul', 'ol', 'table', 'tr']);

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Every element of the tree, depth first, with its parent. */
export function* walk(root: El, parent: El | null = null): Generator<{ node: El; parent: El | null }> {
  yield { node: root, parent };
  for (const c of root.children) if (isEl(c)) yield* walk(c, root);
}

/** An element as output HTML; `resolve` turns the attributes kept in the tree into the ones shown (ids dropped
 *  unless asked for, resource references made URLs). */
export function serialize(node: Node, resolve: (e: El) => Record<string, string>, indent = ''): string {
  if (!isEl(node)) return escapeText(node);
  const attrs = Object.entries(resolve(node)).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (VOID.has(node.tag) && node.children.length === 0) return `<${node.tag}${attrs} />`;
  if (!BLOCK_PARENTS.has(node.tag) || node.children.length === 0) return `<${node.tag}${attrs}>${node.children.map((c) => serialize(c, resolve, indent)).join('')}</${node.tag}>`;
  const inner = `${indent}\t`;
  const lines = node.children.map((c) => `${inner}${serialize(c, resolve, inner)}`);
  return `<${node.tag}${attrs}>\n${lines.join('\n')}\n${indent}</${node.tag}>`;
}
