// OneNote's throttling ridden out by the OneNote tools: a sandbox whose OneNote lets each app make 3 requests per
// person in 4 seconds and answers 429 without Retry-After past that (as OneNote does, per minute and per hour); a
// page made there is made once, a burst of reads all answer, and a OneNote that keeps refusing is given up on within
// the call's budget. What reached "Graph" is read from the journal.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, type Connected, fails, graph, ok, useSandbox } from './fixtures.js';

const WINDOW_S = 4;
const sandbox = useSandbox({ oneNoteLimits: [{ requests: 3, seconds: WINDOW_S }] });
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

const windowPassed = () => new Promise((r) => setTimeout(r, WINDOW_S * 1000 + 200));
const journal = (method: string, path: RegExp) => sandbox.faults.journal.filter((e) => e.method === method && path.test(e.path)).map((e) => e.status);

describe('onenote: throttling without Retry-After', () => {
  it('waits until OneNote takes the page, and the page exists once', async () => {
    sandbox.faults.clear();
    // Three requests read the notebooks to find the section by its path; the page is the fourth, refused at first.
    const progress: { progress: number; message?: string }[] = [];
    const r = await adele.client.callTool(
      { name: 'onenote_create_page', arguments: { title: 'Paced page', markdown: '## Notes\n\n- one\n- two', section: 'Adele @ Contoso/Quick Notes' } },
      { onprogress: (p) => void progress.push(p) },
    );
    expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
    const made = r.structuredContent as { id: string; section: string };
    expect(made.section).toBe('Adele @ Contoso/Quick Notes');
    // The client that asked for progress hears why the call takes longer.
    expect(progress[0]).toMatchObject({ progress: 1, message: expect.stringMatching(/^OneNote is throttling; waiting \d+ s before creating the page$/) });
    const posts = journal('POST', /^\/me\/onenote\/sections\/[^/]+\/pages$/);
    expect(posts.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(posts.filter((s) => s === 201)).toHaveLength(1);
    expect(posts.at(-1)).toBe(201);

    await windowPassed();
    const token = await sandbox.graphAs(ADELE, 'Notes.Read');
    const titled = await graph(sandbox, token, `/me/onenote/pages?$filter=${encodeURIComponent("title eq 'Paced page'")}&$select=id`);
    expect(titled.body.value.map((p: { id: string }) => p.id)).toEqual([made.id]);
  });

  it('answers every call of a burst past the limit', async () => {
    await windowPassed();
    sandbox.faults.clear();
    const [page] = (await ok<{ pages: { id: string }[] }>(adele, 'onenote_list', { title: 'Paced page' })).pages;
    const reads = await Promise.all(Array.from({ length: 4 }, () => ok<{ title: string; headings: string[] }>(adele, 'onenote_read', { page: page.id })));
    expect(reads.map((r) => [r.title, r.headings])).toEqual(Array.from({ length: 4 }, () => ['Paced page', ['## Notes']]));
    const statuses = journal('GET', /^\/me\/onenote\/pages\/[^/]+\/content$/);
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('stops within its budget when OneNote keeps refusing, saying that nothing was done and when to try again', async () => {
    await windowPassed();
    const [page] = (await ok<{ pages: { id: string }[] }>(adele, 'onenote_list', { title: 'Paced page' })).pages;
    sandbox.faults.clear();
    sandbox.faults.add({ method: 'GET', path: '/onenote/pages/[^/]+/content$', status: 429, times: 1000 });
    try {
      const refused = await fails(adele, 'onenote_read', { page: page.id });
      expect(refused).toMatch(/^OneNote is refusing requests for this account for now .*stopped reading the page after waiting \d+ s\. That request was not carried out; try again in a minute or two\.$/);
      // Several waits, each after the client's own quick retries: bounded, not endless.
      const tries = journal('GET', /\/content$/);
      expect(tries.every((s) => s === 429)).toBe(true);
      expect(tries.length).toBeGreaterThanOrEqual(8);
      expect(tries.length).toBeLessThanOrEqual(24);
    } finally {
      sandbox.faults.clear();
    }
  });
});
