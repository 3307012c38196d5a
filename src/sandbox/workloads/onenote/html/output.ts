// A page as OneNote's output HTML (GET .../pages/{id}/content): its title and created time in the head, a body
// with data-absolute-enabled and the page's default font, its outlines as absolutely positioned divs. Images and
// attachments point at their resources (`.../onenote/resources/{id}/$value`), generated ids appear only when the
// client asks with includeIDs=true.

import type { StoredPage } from '../model.js';
import { escapeText, serialize, type El } from './tree.js';

export interface OutputOptions {
  /** The URL of a resource's bytes as the client reaches them. */
  resourceUrl(id: string): string;
  includeIds: boolean;
}

export function pageHtml(page: StoredPage, opts: OutputOptions): string {
  const resolve = (e: El): Record<string, string> => {
    const { id, 'data-resource': resource, 'data-src-type': type, ...rest } = e.attrs;
    const out: Record<string, string> = {};
    if (opts.includeIds && id) out.id = id;
    if (resource && e.tag === 'img') {
      const { alt, width, height, ...others } = rest;
      const url = opts.resourceUrl(resource);
      Object.assign(out, alt !== undefined ? { alt } : {}, width ? { width } : {}, height ? { height } : {});
      Object.assign(out, { src: url, 'data-src-type': type, 'data-fullres-src': url, 'data-fullres-src-type': type }, others);
      return out;
    }
    if (resource && e.tag === 'object') return Object.assign(out, { data: opts.resourceUrl(resource) }, rest);
    return Object.assign(out, rest);
  };
  const outlines = page.body.children.map((o) => `\t\t${serialize(o, resolve, '\t\t')}`);
  return [
    '<html lang="en-US">',
    '\t<head>',
    `\t\t<title>${escapeText(page.title)}</title>`,
    '\t\t<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
    `\t\t<meta name="created" content="${page.createdWallTime}" />`,
    '\t</head>',
    '\t<body data-absolute-enabled="true" style="font-family:Calibri;font-size:11pt">',
    ...outlines,
    '\t</body>',
    '</html>',
    '',
  ].join('\n');
}
