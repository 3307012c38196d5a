// Uploads to the sandbox's drives over real HTTP. Simple upload: over 250 MB refused before a byte is read (413),
// quickXorHash and sha256Hash. Upload sessions: 50 MB in 10 MiB ranges, one broken off mid-body and resumed from
// nextExpectedRanges, byte-identical in the store; ranges out of place (416), too large (413) or with another total
// (400); cancel and expiry (404), and a download link's hour; conflicts at creation and at the last range (the
// session kept and committed again through @microsoft.graph.sourceUrl), deferCommit, If-Match, and a session by id
// adding a version.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_FILE_MAX } from '../../src/sandbox/testing.js';
import { ADELE, graph, useSandbox } from '../fixtures.js';
import { Csdl } from './csdl.js';

const csdl = Csdl.load();

const sb = useSandbox();
const RW = 'Files.ReadWrite';
const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex').toUpperCase();

type Session = { uploadUrl: string; expirationDateTime: string; nextExpectedRanges: string[] };

async function session(path: string, item: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const adele = await sb.graphAs(ADELE, RW);
  return graph(sb, adele, `/me/drive/${path}/createUploadSession`, { method: 'POST', body: { item, ...extra }, headers });
}

const putRange = (url: string, bytes: Buffer, start: number, end: number, total = bytes.length, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end}/${total}`, ...headers }, body: bytes.subarray(start, end + 1) });

const statusOf = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Session & { error?: { code: string } } };
};

/** Sends half of a range's body, then breaks the connection. */
function breakMidRange(url: string, bytes: Buffer, start: number, end: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': end - start + 1 } });
    req.on('error', () => resolve());
    req.write(bytes.subarray(start, start + Math.floor((end - start + 1) / 2)), () => setTimeout(() => { req.destroy(); resolve(); }, 50));
  });
}

async function stored(itemId: string): Promise<Buffer> {
  const adele = await sb.graphAs(ADELE, RW);
  const item = await graph(sb, adele, `/me/drive/items/${itemId}`);
  return Buffer.from(await (await fetch(item.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
}

afterEach(() => vi.useRealTimers());

/** Announces a body of `length` bytes and sends none of it: the answer comes from the announcement alone. */
function announce(url: string, token: string, length: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': length } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('simple upload', () => {
  it('refuses a body over 250 MB before reading it, pointing to upload sessions', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const r = await announce(`${sb.url}/v1.0/me/drive/root:/huge.bin:/content`, adele.token, 250 * 1024 * 1024 + 1);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/upload session/);
    expect((await graph(sb, adele, '/me/drive/root:/huge.bin')).status).toBe(404);
  });

  it("gives the file OneDrive's quickXorHash and sha256Hash", async () => {
    const adele = await sb.graphAs(ADELE, RW);
    // Published QuickXorHash vectors (base64 content, hash), as rclone checks its implementation.
    for (const [content, quickXorHash] of [['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='], ['/aNzzCFPS/A=', '/RjFHJgRgicsAR4ACAAAAAAAAAA=']]) {
      const bytes = Buffer.from(content, 'base64');
      const r = await fetch(`${sb.url}/v1.0/me/drive/root:/hash-${bytes.length}.bin:/content`, { method: 'PUT', headers: { Authorization: `Bearer ${adele.token}`, 'Content-Type': 'application/octet-stream' }, body: bytes });
      expect(((await r.json()) as { file: { hashes: unknown } }).file.hashes).toEqual({ quickXorHash, sha256Hash: sha256(bytes) });
    }
  });
});

describe('upload sessions', () => {
  it('takes 50 MB in 10 MiB ranges, resumes after a range broken mid-body, and stores the bytes unchanged', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'Big uploads', folder: {} } });
    const bytes = randomBytes(50 * 1000 * 1000);
    const s = await session('root:/Big uploads/survey.bin:', { '@microsoft.graph.conflictBehavior': 'fail' }, {});
    expect(s.status).toBe(200);
    expect(s.body.nextExpectedRanges).toEqual(['0-']);
    expect(csdl.problems('microsoft.graph.uploadSession', s.body)).toEqual([]);
    const url = s.body.uploadUrl as string;
    const step = 10 * MiB;
    let broken = false;
    for (let start = 0; start < bytes.length; ) {
      const end = Math.min(start + step, bytes.length) - 1;
      if (start === 2 * step && !broken) {
        broken = true;
        await breakMidRange(url, bytes, start, end);
        const after = await statusOf(url);
        expect(csdl.problems('microsoft.graph.uploadSession', after.body)).toEqual([]);
        expect(after.body.nextExpectedRanges).toEqual([`${2 * step}-${bytes.length - 1}`]);
        start = Number(after.body.nextExpectedRanges[0].split('-')[0]);
        continue;
      }
      const r = await putRange(url, bytes, start, end);
      if (end < bytes.length - 1) {
        expect(r.status).toBe(202);
        expect(((await r.json()) as Session).nextExpectedRanges).toEqual([`${end + 1}-${bytes.length - 1}`]);
      } else {
        expect(r.status).toBe(201);
        const item = (await r.json()) as { id: string; size: number; file: { hashes: { sha256Hash: string } } };
        expect(item.size).toBe(bytes.length);
        expect(item.file.hashes.sha256Hash).toBe(sha256(bytes));
        expect((await stored(item.id)).equals(bytes)).toBe(true);
      }
      start = end + 1;
    }
    const listed = await graph(sb, adele, '/me/drive/root:/Big uploads:/children');
    expect(listed.body.value.map((i: any) => [i.name, i.size])).toEqual([['survey.bin', bytes.length]]);
    expect((await statusOf(url)).status).toBe(404);
  });

  it('refuses ranges out of place, too large or with another total, and an Authorization header', async () => {
    const bytes = randomBytes(3 * 327_680);
    const url = (await session('root:/Out of order.bin:')).body.uploadUrl as string;
    expect((await putRange(url, bytes, 327_680, 655_359)).status).toBe(416);
    expect((await putRange(url, bytes, 0, 327_679)).status).toBe(202);
    const again = await putRange(url, bytes, 0, 327_679);
    expect(again.status).toBe(416);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('invalidRange');
    expect((await putRange(url, bytes, 327_680, 655_359, bytes.length + 1)).status).toBe(400);
    const tooLarge = await session('root:/Too large.bin:', { fileSize: SANDBOX_FILE_MAX + 1 });
    expect([tooLarge.status, tooLarge.body.error?.code]).toEqual([507, 'quotaLimitReached']);
    const fresh = (await session('root:/Too big a range.bin:')).body.uploadUrl as string;
    const tooBig = await fetch(fresh, { method: 'PUT', headers: { 'Content-Range': `bytes 0-${61 * MiB}/${100 * MiB}` }, body: 'x' });
    expect(tooBig.status).toBe(413);
    expect((await putRange(url, bytes, 327_680, 655_359, bytes.length, { Authorization: 'Bearer x' })).status).toBe(401);
    expect((await statusOf(url)).body.nextExpectedRanges).toEqual([`327680-${bytes.length - 1}`]);
  });

  it('forgets a cancelled session and one past its expiry; a download link lasts an hour', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const bytes = randomBytes(1000);
    const download = (await graph(sb, adele, '/me/drive/root:/Notes.txt')).body['@microsoft.graph.downloadUrl'] as string;
    const cancelled = (await session('root:/Cancelled.bin:')).body as Session;
    expect((await fetch(cancelled.uploadUrl, { method: 'DELETE' })).status).toBe(204);
    expect((await statusOf(cancelled.uploadUrl)).body.error?.code).toBe('itemNotFound');
    expect((await putRange(cancelled.uploadUrl, bytes, 0, 999)).status).toBe(404);
    const expiring = (await session('root:/Expired.bin:')).body as Session;
    expect(Date.parse(expiring.expirationDateTime)).toBeGreaterThan(Date.now());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 59 * 60_000);
    expect((await fetch(download)).status).toBe(200);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect((await fetch(download)).status).toBe(404);
    vi.setSystemTime(Date.parse(expiring.expirationDateTime) + 1000);
    expect((await putRange(expiring.uploadUrl, bytes, 0, 999)).status).toBe(404);
    vi.useRealTimers();
    for (const name of ['Cancelled.bin', 'Expired.bin']) expect((await graph(sb, adele, `/me/drive/root:/${name}`)).status).toBe(404);
  });

  it('honours the conflict behavior at creation and at the last range, where the session waits for a new name', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const bytes = randomBytes(2000);
    const taken = await session('root:/Notes.txt:');
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('nameAlreadyExists');
    const renamed = (await session('root:/Notes.txt:', { '@microsoft.graph.conflictBehavior': 'rename' })).body as Session;
    const r = await putRange(renamed.uploadUrl, bytes, 0, bytes.length - 1);
    expect(r.status).toBe(201);
    expect(((await r.json()) as { name: string }).name).toBe('Notes 1.txt');
    // Someone takes the name while the bytes are on their way.
    const late = (await session('root:/Race.bin:')).body as Session;
    expect((await putRange(late.uploadUrl, bytes, 0, 999)).status).toBe(202);
    expect((await graph(sb, adele, '/me/drive/root:/Race.bin:/content', { method: 'PUT', body: 'first', headers: { 'Content-Type': 'text/plain' } })).status).toBe(201);
    const last = await putRange(late.uploadUrl, bytes, 1000, bytes.length - 1);
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe('nameAlreadyExists');
    expect((await statusOf(late.uploadUrl)).body.nextExpectedRanges).toEqual([]);
    const committed = await graph(sb, adele, '/me/drive/root', { method: 'PUT', body: { name: 'Race (mine).bin', '@microsoft.graph.conflictBehavior': 'fail', '@microsoft.graph.sourceUrl': late.uploadUrl } });
    expect(committed.status, committed.text).toBe(201);
    expect((await stored(committed.body.id)).equals(bytes)).toBe(true);
    const other = await graph(sb, adele, '/me/drive/root:/Race.bin');
    expect((await stored(other.body.id)).toString()).toBe('first');
    expect((await statusOf(late.uploadUrl)).status).toBe(404);
  });

  it('waits for an empty POST under deferCommit, checks If-Match, and adds a version when it brings an item new content', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const bytes = randomBytes(5000);
    const deferred = (await session('root:/Deferred.bin:', {}, { deferCommit: true })).body as Session;
    const last = await putRange(deferred.uploadUrl, bytes, 0, bytes.length - 1);
    expect(last.status).toBe(202);
    expect(((await last.json()) as Session).nextExpectedRanges).toEqual([]);
    expect((await graph(sb, adele, '/me/drive/root:/Deferred.bin')).status).toBe(404);
    const commit = await fetch(deferred.uploadUrl, { method: 'POST' });
    expect(commit.status).toBe(201);
    const item = (await commit.json()) as { id: string; eTag: string };
    expect((await stored(item.id)).equals(bytes)).toBe(true);
    const stale = await session(`items/${item.id}`, {}, {}, { 'If-Match': '"{00000000-0000-0000-0000-000000000000},1"' });
    expect(stale.status).toBe(412);
    const next = randomBytes(700);
    const byId = (await session(`items/${item.id}`, {}, {}, { 'If-Match': item.eTag })).body as Session;
    const done = await putRange(byId.uploadUrl, next, 0, next.length - 1);
    expect(done.status).toBe(200);
    expect((await stored(item.id)).equals(next)).toBe(true);
    const versions = await graph(sb, adele, `/me/drive/items/${item.id}/versions`);
    expect(versions.body.value.map((v: any) => [v.id, v.size])).toEqual([['2.0', 700], ['1.0', 5000]]);
    for (const v of versions.body.value) expect(csdl.problems('microsoft.graph.driveItemVersion', v)).toEqual([]);
  });
});
