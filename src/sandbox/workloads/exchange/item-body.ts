// Item bodies as Outlook returns them: HTML wrapped in the document Exchange writes around it, or plain text
// when the client prefers it (`Prefer: outlook.body-content-type="text"`), and a bodyPreview of the text.

// One HTML-to-text conversion for the whole sandbox: Exchange's, which the mail side imitates.
import { htmlToText } from './html.js';
import type { ItemBody } from './items.js';

export type { ItemBody } from './items.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML as Exchange stores it: a full document; fragments get Exchange's wrapper. */
export function asHtmlDocument(body: ItemBody): string {
  const inner = body.contentType === 'html' ? body.content : escapeHtml(body.content).replace(/\r?\n/g, '<br>\r\n');
  if (/<html[\s>]/i.test(inner)) return inner;
  if (inner === '') return '';
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${inner}\r\n</body>\r\n</html>\r\n`;
}

export function renderBody(body: ItemBody, preferred?: 'text' | 'html'): ItemBody {
  const type = preferred ?? body.contentType;
  if (type === 'text') return { contentType: 'text', content: body.contentType === 'text' ? body.content : htmlToText(body.content) };
  return { contentType: 'html', content: asHtmlDocument(body) };
}

/** The first 255 characters of the text, whitespace collapsed. */
export function bodyPreview(body: ItemBody): string {
  const text = body.contentType === 'text' ? body.content : htmlToText(body.content);
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}
