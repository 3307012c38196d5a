// GET /messages/{id}/$value: the message as MIME (RFC 5322), as Exchange exports it: the usual headers, the body
// base64-encoded in UTF-8, attachments as base64 parts (inline ones with their Content-ID). Graph serves it as
// text/plain; clients save it as an .eml file.

import { rfc2822 } from './store.js';
import type { Recipient, StoredMessage } from './model.js';

/** RFC 2047 encoded-word for header text that is not plain ASCII. */
const word = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?utf-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);
const who = (r: Recipient) => `${word(`"${r.emailAddress.name.replace(/"/g, '')}"`)} <${r.emailAddress.address}>`;
const wrap = (b64: string) => b64.replace(/.{1,76}/g, '$&\r\n');

export function toMime(m: StoredMessage): string {
  const boundary = `_004_${m.id.replace(/[^A-Za-z0-9]/g, '').slice(-24)}_`;
  const headers = [
    ...(m.from ? [`From: ${who(m.from)}`] : []),
    ...(m.toRecipients.length ? [`To: ${m.toRecipients.map(who).join(',\r\n\t')}`] : []),
    ...(m.ccRecipients.length ? [`CC: ${m.ccRecipients.map(who).join(',\r\n\t')}`] : []),
    `Subject: ${word(m.subject)}`,
    `Date: ${rfc2822(m.sentDateTime ?? m.createdDateTime)}`,
    `Message-ID: ${m.internetMessageId}`,
    `Thread-Index: ${m.conversationIndex.toString('base64')}`,
    `Importance: ${m.importance}`,
    'Content-Language: en-US',
    `X-MS-Has-Attach: ${m.attachments.some((a) => !a.isInline) ? 'yes' : ''}`,
    'MIME-Version: 1.0',
  ];
  const bodyPart = [
    `Content-Type: ${m.body.contentType === 'html' ? 'text/html' : 'text/plain'}; charset="utf-8"`,
    'Content-Transfer-Encoding: base64',
    '',
    wrap(Buffer.from(m.body.content, 'utf8').toString('base64')),
  ].join('\r\n');
  if (m.attachments.length === 0) return `${headers.join('\r\n')}\r\n${bodyPart}`;
  const parts = m.attachments.map((a) =>
    [
      `Content-Type: ${a.contentType}; name="${word(a.name)}"`,
      `Content-Description: ${word(a.name)}`,
      `Content-Disposition: ${a.isInline ? 'inline' : 'attachment'}; filename="${word(a.name)}"; size=${a.bytes.length}`,
      ...(a.contentId ? [`Content-ID: <${a.contentId}>`] : []),
      'Content-Transfer-Encoding: base64',
      '',
      wrap(a.bytes.toString('base64')),
    ].join('\r\n'),
  );
  return [
    `${headers.join('\r\n')}\r\nContent-Type: multipart/mixed;\r\n\tboundary="${boundary}"\r\n`,
    ...[bodyPart, ...parts].map((p) => `--${boundary}\r\n${p}`),
    `--${boundary}--\r\n`,
  ].join('\r\n');
}
