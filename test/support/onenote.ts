// OneNote requests for the sandbox tests: page bodies as a client sends them (input HTML, or multipart/form-data
// built by hand with CRLF lines, as OneNote's documentation shows), raw bytes back (a resource's image), and a
// scratch notebook and section of the test's own for everything it writes.
import type { GraphAs, GraphCall } from './graph.js';
import { graph } from './graph.js';

export interface Part {
  name: string;
  /** Content-Type of the part; left out when null. */
  type: string | null;
  body: string | Buffer;
  /** Leave out the Content-Disposition header. */
  noDisposition?: boolean;
}

export const BOUNDARY = 'MyPartBoundary198374';

/** A multipart/form-data body of these parts, CRLF line ends, closed with the final delimiter unless `open`. */
export function multipart(parts: Part[], open = false): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const headers = [...(p.noDisposition ? [] : [`Content-Disposition: form-data; name="${p.name}"`]), ...(p.type ? [`Content-Type: ${p.type}`] : [])];
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n${headers.join('\r\n')}\r\n\r\n`), Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body), Buffer.from('\r\n'));
  }
  if (!open) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

export const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A request with a raw body (HTML, multipart bytes) and the Content-Type given. */
export async function send(sandbox: { url: string }, who: GraphAs, path: string, method: string, contentType: string | null, body: string | Buffer | FormData): Promise<GraphCall> {
  const headers: Record<string, string> = { Authorization: `Bearer ${who.token}`, ...(contentType ? { 'Content-Type': contentType } : {}) };
  const res = await fetch(`${sandbox.url}/v1.0${path}`, { method, headers, body: method === 'GET' ? undefined : body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

/** The bytes at a URL the sandbox handed out (a resource in a page's HTML). */
export async function bytesAt(url: string, who: GraphAs): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${who.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A new notebook with one section, for a test to write in: the section's id. */
export async function scratchSection(sandbox: { url: string }, who: GraphAs, name: string): Promise<string> {
  const notebook = await graph(sandbox, who, '/me/onenote/notebooks', { method: 'POST', body: { displayName: name } });
  if (notebook.status !== 201) throw new Error(`notebook: ${notebook.status} ${notebook.text}`);
  const section = await graph(sandbox, who, `/me/onenote/notebooks/${notebook.body.id}/sections`, { method: 'POST', body: { displayName: 'Scratch' } });
  if (section.status !== 201) throw new Error(`section: ${section.status} ${section.text}`);
  return section.body.id;
}

/** The text of output HTML's body, tags gone and entities read, white space squeezed. */
export const textOfHtml = (html: string) =>
  html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** A 1x1 PNG (red), for images a test sends. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
