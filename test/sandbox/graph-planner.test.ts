// The Planner workload over real HTTP: team plans in the department groups (only members see them), buckets and
// tasks in order-hint order, Planner's ETag discipline (If-Match on every change: 412 without one or with a stale
// one, a retry with the fresh one that keeps the other person's change), a move between buckets, assignments keyed
// by user id, completion by percentComplete, the details resources with their own ETags, plans made and deleted.
import { describe, expect, it } from 'vitest';
import { ADELE, BEN, graph, idOf, MEGAN, PRADEEP, upn, useSandbox } from '../fixtures.js';
import { demoDirectory, SEEDED_PLANS } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const RW = 'Tasks.ReadWrite';
const groups = demoDirectory().groups;
const groupId = (name: string) => groups.find((g) => g.displayName === name)!.id;
const byHint = (a: { orderHint: string }, b: { orderHint: string }) => (a.orderHint < b.orderHint ? -1 : a.orderHint > b.orderHint ? 1 : 0);
const assignment = (orderHint = ' !') => ({ '@odata.type': '#microsoft.graph.plannerAssignment', orderHint });

/** A group's one seeded plan, its buckets in board order and its tasks. */
async function planOf(who: Awaited<ReturnType<typeof sb.graphAs>>, group: string) {
  const plans = await graph(sb, who, `/groups/${groupId(group)}/planner/plans`);
  expect(plans.status).toBe(200);
  const [plan] = plans.body.value;
  const buckets = (await graph(sb, who, `/planner/plans/${plan.id}/buckets`)).body.value.sort(byHint);
  const tasks = (await graph(sb, who, `/planner/plans/${plan.id}/tasks`)).body.value;
  return { plan, buckets, tasks };
}

describe('Planner plans, buckets and tasks', () => {
  it("lists a person's plans and tasks, a group's plans, a plan's buckets in order and its tasks", async () => {
    const adele = await sb.graphAs(ADELE, 'Tasks.Read');
    const plans = await graph(sb, adele, '/me/planner/plans');
    expect(plans.status).toBe(200);
    expect(plans.body.value.map((p: any) => p.title).sort()).toEqual(['Sales pipeline Q4', 'Spring retail launch']);
    const mine = await graph(sb, adele, '/me/planner/tasks');
    expect(mine.body['@odata.context']).toBe(`https://graph.microsoft.com/v1.0/$metadata#users('${idOf(ADELE)}')/planner/tasks`);
    expect(mine.body.value.map((t: any) => t.title).sort()).toEqual(['Proposal for Northwind Traders', 'Window displays for the Bellevue store']);
    for (const t of mine.body.value) {
      expect(t['@odata.etag']).toMatch(/^W\/"/);
      expect(t.assignments[idOf(ADELE)]).toMatchObject({ '@odata.type': '#microsoft.graph.plannerAssignment', assignedBy: { user: { id: expect.any(String) } } });
    }

    const { plan, buckets, tasks } = await planOf(adele, 'Sales');
    expect(plan).toMatchObject({ title: 'Sales pipeline Q4', owner: groupId('Sales'), container: { containerId: groupId('Sales'), type: 'group' } });
    expect(buckets.map((b: any) => b.name)).toEqual(['Leads', 'Proposals', 'Won']);
    expect(tasks.map((t: any) => t.title).sort()).toEqual(SEEDED_PLANS.find((p) => p.group === 'Sales')!.tasks.map((t) => t.title).sort());
    const proposal = tasks.find((t: any) => t.title === 'Proposal for Northwind Traders');
    expect(proposal).toMatchObject({ bucketId: buckets[1].id, percentComplete: 50, priority: 1, hasDescription: true, checklistItemCount: 3, activeChecklistItemCount: 2, appliedCategories: { category1: true } });
    expect(Object.keys(proposal.assignments).sort()).toEqual([idOf(ADELE), idOf(upn('christie.cline'))].sort());
    const won = (await graph(sb, adele, `/planner/buckets/${buckets[2].id}/tasks`)).body.value;
    expect(won.map((t: any) => [t.title, t.percentComplete, !!t.completedDateTime])).toEqual([['Close the Relecloud deal', 100, true]]);
    // Planner ignores $filter and $top on its lists; $select and $expand=details it honours.
    expect((await graph(sb, adele, `/planner/plans/${plan.id}/tasks?$filter=percentComplete eq 100&$top=1`)).body.value).toHaveLength(5);
    const selected = await graph(sb, adele, `/planner/tasks/${proposal.id}?$select=title,percentComplete&$expand=details`);
    expect(Object.keys(selected.body).sort()).toEqual(['@odata.context', '@odata.etag', 'details', 'percentComplete', 'title']);
    expect(selected.body.details.description).toContain('Volume pricing');
    expect((await graph(sb, adele, '/planner/tasks')).status).toBe(400);
  });

  it('keeps a group\'s plans to its members', async () => {
    const pradeep = await sb.graphAs(PRADEEP, RW);
    const adele = await sb.graphAs(ADELE, 'Tasks.Read');
    const { plan, buckets, tasks } = await planOf(adele, 'Sales');
    const refusals = [
      await graph(sb, pradeep, `/groups/${groupId('Sales')}/planner/plans`),
      await graph(sb, pradeep, `/planner/plans/${plan.id}`),
      await graph(sb, pradeep, `/planner/plans/${plan.id}/tasks`),
      await graph(sb, pradeep, `/planner/buckets/${buckets[0].id}`),
      await graph(sb, pradeep, `/planner/tasks/${tasks[0].id}/details`),
      await graph(sb, pradeep, `/planner/tasks/${tasks[0].id}`, { method: 'PATCH', headers: { 'If-Match': tasks[0]['@odata.etag'] }, body: { title: 'mine now' } }),
      await graph(sb, pradeep, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'sneaky' } }),
      await graph(sb, pradeep, `/users/${ADELE}/planner/tasks`),
    ];
    for (const r of refusals) expect([r.status, r.body.error.code]).toEqual([403, 'Forbidden']);
    expect((await graph(sb, adele, `/planner/tasks/${tasks[0].id}`)).body.title).toBe(tasks[0].title);
    // His own group's plan he sees; what does not exist is 404.
    expect((await planOf(pradeep, 'Engineering')).plan.title).toBe('Release 4.2');
    expect((await graph(sb, pradeep, '/planner/tasks/doesNotExist0000000000000000')).status).toBe(404);
    expect((await graph(sb, pradeep, '/groups/00000000-0000-0000-0000-000000000000/planner/plans')).status).toBe(404);
  });

  it('demands the current ETag for every change: 412 without or with a stale one, then the retry keeps the other change', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const megan = await sb.graphAs(MEGAN, RW);
    const { plan, buckets } = await planOf(adele, 'Retail Launch');
    const made = await graph(sb, adele, '/planner/tasks', {
      method: 'POST',
      body: { planId: plan.id, bucketId: buckets[0].id, title: 'Order the launch balloons', dueDateTime: `${sb.thisWeek}T17:00:00Z`, assignments: { [idOf(ADELE)]: assignment(), [idOf(MEGAN)]: assignment() } },
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('etag')).toBe(made.body['@odata.etag']);
    expect(Object.keys(made.body.assignments).sort()).toEqual([idOf(ADELE), idOf(MEGAN)].sort());
    expect(made.body.assignments[idOf(MEGAN)]).toMatchObject({ assignedBy: { user: { id: idOf(ADELE) } } });
    expect(made.body.assignments[idOf(MEGAN)].orderHint).not.toBe(' !');
    const task = `/planner/tasks/${made.body.id}`;

    const missing = await graph(sb, adele, task, { method: 'PATCH', body: { bucketId: buckets[1].id } });
    expect([missing.status, missing.body.error.message]).toEqual([412, 'The If-Match header must be specified for this kind of request.']);
    // Megan changes it meanwhile, with the ETag she read.
    const hers = await graph(sb, megan, task, { method: 'PATCH', headers: { 'If-Match': made.body['@odata.etag'] }, body: { title: 'Order the launch balloons (blue)' } });
    expect(hers.status).toBe(204);
    expect(hers.text).toBe('');
    const stale = await graph(sb, adele, task, { method: 'PATCH', headers: { 'If-Match': made.body['@odata.etag'] }, body: { bucketId: buckets[1].id } });
    expect([stale.status, stale.body.error.code]).toEqual([412, 'PreconditionFailed']);
    expect((await graph(sb, adele, task)).body.bucketId).toBe(buckets[0].id);

    const fresh = await graph(sb, adele, task);
    const moved = await graph(sb, adele, task, { method: 'PATCH', headers: { 'If-Match': fresh.body['@odata.etag'], Prefer: 'return=representation' }, body: { bucketId: buckets[1].id } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ bucketId: buckets[1].id, title: 'Order the launch balloons (blue)' });
    expect(moved.body['@odata.etag']).not.toBe(fresh.body['@odata.etag']);
    expect((await graph(sb, adele, `/planner/buckets/${buckets[1].id}/tasks`)).body.value.map((t: any) => t.id)).toContain(made.body.id);
    // A bucket of another plan is no place for it.
    const elsewhere = (await planOf(adele, 'Sales')).buckets[0].id;
    expect((await graph(sb, adele, task, { method: 'PATCH', headers: { 'If-Match': moved.body['@odata.etag'] }, body: { bucketId: elsewhere } })).status).toBe(400);

    expect((await graph(sb, adele, task, { method: 'DELETE' })).status).toBe(412);
    expect((await graph(sb, adele, task, { method: 'DELETE', headers: { 'If-Match': fresh.body['@odata.etag'] } })).status).toBe(412);
    expect((await graph(sb, adele, task, { method: 'DELETE', headers: { 'If-Match': moved.body['@odata.etag'] } })).status).toBe(204);
    expect((await graph(sb, adele, task)).status).toBe(404);
  });

  it('changes assignments key by key, completes with percentComplete 100 and checks what it is given', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const { plan } = await planOf(adele, 'Retail Launch');
    const made = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Count the shelf stock', assignments: { [idOf(MEGAN)]: assignment() } } });
    const task = `/planner/tasks/${made.body.id}`;
    const patch = (etag: string, body: unknown) => graph(sb, adele, task, { method: 'PATCH', headers: { 'If-Match': etag, Prefer: 'return=representation' }, body });

    const swapped = await patch(made.body['@odata.etag'], { assignments: { [idOf(MEGAN)]: null, [idOf(BEN)]: assignment() }, appliedCategories: { category1: true, category3: true } });
    expect(Object.keys(swapped.body.assignments)).toEqual([idOf(BEN)]);
    expect(swapped.body.appliedCategories).toEqual({ category1: true, category3: true });
    const ben = await sb.graphAs(BEN, 'Tasks.Read');
    expect((await graph(sb, ben, '/me/planner/tasks')).body.value.map((t: any) => t.id)).toContain(made.body.id);

    const done = await patch(swapped.body['@odata.etag'], { percentComplete: 100, appliedCategories: { category3: false } });
    expect(done.body).toMatchObject({ percentComplete: 100, completedBy: { user: { id: idOf(ADELE) } }, appliedCategories: { category1: true } });
    expect(Math.abs(Date.parse(done.body.completedDateTime) - Date.now())).toBeLessThan(60_000);
    const reopened = await patch(done.body['@odata.etag'], { percentComplete: 50 });
    expect(reopened.body).toMatchObject({ percentComplete: 50, completedDateTime: null, completedBy: null });

    const bad: unknown[] = [
      { percentComplete: 150 },
      { priority: 11 },
      { assignments: { [idOf(BEN)]: { orderHint: ' !' } } },
      { assignments: { 'not-a-user': assignment() } },
      { appliedCategories: { category26: true } },
      { dueDateTime: '2026-13-45' },
      { startDateTime: '2026-11-10T10:00:00Z', dueDateTime: '2026-11-01T10:00:00Z' },
      { planId: 'someOtherPlan' },
      { colour: 'red' },
    ];
    for (const body of bad) {
      const r = await patch(reopened.body['@odata.etag'], body);
      expect([r.status, r.body.error?.code], JSON.stringify(body)).toEqual([400, 'BadRequest']);
    }
    expect((await graph(sb, adele, task)).body['@odata.etag']).toBe(reopened.body['@odata.etag']);
  });

  it('orders buckets and tasks by the hints it computes from "<previous> <next>!"', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const { plan, buckets, tasks } = await planOf(adele, 'Retail Launch');
    const last = await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'Follow-up', planId: plan.id } });
    expect(last.status).toBe(201);
    const between = await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'Waiting', planId: plan.id, orderHint: `${buckets[1].orderHint} ${buckets[2].orderHint}!` } });
    const first = await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'Inbox', planId: plan.id, orderHint: ` ${buckets[0].orderHint}!` } });
    const names = (await graph(sb, adele, `/planner/plans/${plan.id}/buckets`)).body.value.sort(byHint).map((b: any) => b.name);
    expect(names).toEqual(['Inbox', 'To do', 'Doing', 'Waiting', 'Done', 'Follow-up']);
    expect(between.body.orderHint).not.toContain('!');

    // Moving a bucket is a PATCH of its hint; a new task goes first unless told otherwise.
    const moved = await graph(sb, adele, `/planner/buckets/${last.body.id}`, { method: 'PATCH', headers: { 'If-Match': last.body['@odata.etag'], Prefer: 'return=representation' }, body: { orderHint: ` ${first.body.orderHint}!` } });
    expect(moved.body.orderHint < first.body.orderHint).toBe(true);
    const newest = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Top of the list' } });
    expect(tasks.every((t: any) => newest.body.orderHint < t.orderHint)).toBe(true);
    const bottom = [...tasks].sort(byHint).at(-1);
    const appended = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Bottom of the list', orderHint: `${bottom.orderHint} !` } });
    expect(appended.body.orderHint > bottom.orderHint).toBe(true);
    expect((await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'Bad', planId: plan.id, orderHint: `${buckets[2].orderHint} ${buckets[0].orderHint}!` } })).status).toBe(400);
    // Deleting a bucket takes its tasks with it.
    const inInbox = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, bucketId: first.body.id, title: 'In the inbox' } });
    expect((await graph(sb, adele, `/planner/buckets/${first.body.id}`, { method: 'DELETE', headers: { 'If-Match': first.body['@odata.etag'] } })).status).toBe(204);
    expect((await graph(sb, adele, `/planner/tasks/${inInbox.body.id}`)).status).toBe(404);
  });

  it('keeps details beside a task and a plan, with ETags of their own', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const { plan, tasks } = await planOf(adele, 'Retail Launch');
    const task = tasks.find((t: any) => t.title === 'Ship the launch stock');
    const details = await graph(sb, adele, `/planner/tasks/${task.id}/details`);
    expect(details.status).toBe(200);
    expect(details.body.id).toBe(task.id);
    expect(details.headers.get('etag')).toBe(details.body['@odata.etag']);
    expect(details.body['@odata.etag']).not.toBe(task['@odata.etag']);
    expect(Object.values(details.body.checklist).map((c: any) => [c.title, c.isChecked, c['@odata.type']])).toEqual([
      ['Confirm quantities', true, '#microsoft.graph.plannerChecklistItem'],
      ['Book the truck', false, '#microsoft.graph.plannerChecklistItem'],
    ]);

    // Changes go to a task of the test's own.
    const own = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Ship the spare stock' } });
    const ownDetails = await graph(sb, adele, `/planner/tasks/${own.body.id}/details`);
    expect(ownDetails.body).toMatchObject({ description: '', previewType: 'automatic', checklist: {}, references: {} });
    const url = `/planner/tasks/${own.body.id}/details`;
    const change = {
      description: 'Two pallets to Bellevue, one to Redmond.',
      previewType: 'checklist',
      checklist: { 'a1b2c3d4-0000-4000-8000-000000000001': { '@odata.type': '#microsoft.graph.plannerChecklistItem', title: 'Insure the shipment' } },
      references: { 'https%3A//contoso%2Esharepoint%2Ecom/sites/Sales': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Sales site', type: 'Other' } },
    };
    // The task's ETag is not the details' one.
    expect((await graph(sb, adele, url, { method: 'PATCH', headers: { 'If-Match': own.body['@odata.etag'] }, body: change })).status).toBe(412);
    expect((await graph(sb, adele, url, { method: 'PATCH', body: change })).status).toBe(412);
    const patched = await graph(sb, adele, url, { method: 'PATCH', headers: { 'If-Match': ownDetails.body['@odata.etag'], Prefer: 'return=representation' }, body: change });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: change.description, previewType: 'checklist' });
    expect(Object.values(patched.body.checklist).map((c: any) => [c.title, c.isChecked])).toEqual([['Insure the shipment', false]]);
    expect(patched.body.references['https%3A//contoso%2Esharepoint%2Ecom/sites/Sales']).toMatchObject({ alias: 'Sales site', lastModifiedBy: { user: { id: idOf(ADELE) } } });
    // What the details decide shows on the task, whose ETag moves with it.
    const after = (await graph(sb, adele, `/planner/tasks/${own.body.id}`)).body;
    expect(after).toMatchObject({ hasDescription: true, checklistItemCount: 1, activeChecklistItemCount: 1, referenceCount: 1 });
    expect(after['@odata.etag']).not.toBe(own.body['@odata.etag']);
    const unkeyed = await graph(sb, adele, url, { method: 'PATCH', headers: { 'If-Match': patched.body['@odata.etag'] }, body: { references: { 'https://contoso.com/x': { '@odata.type': '#microsoft.graph.plannerExternalReference' } } } });
    expect([unkeyed.status, unkeyed.body.error.code]).toEqual([400, 'BadRequest']);
    const removed = await graph(sb, adele, url, { method: 'PATCH', headers: { 'If-Match': patched.body['@odata.etag'] }, body: { checklist: { 'a1b2c3d4-0000-4000-8000-000000000001': null } } });
    expect(removed.status).toBe(204);
    expect((await graph(sb, adele, url)).body.checklist).toEqual({});

    const seededPlan = await graph(sb, adele, `/planner/plans/${plan.id}/details`);
    expect(seededPlan.body.categoryDescriptions).toMatchObject({ category1: 'Store', category2: 'Campaign', category3: 'Supply' });
    const ownPlan = await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'Labels', container: { containerId: groupId('Retail Launch'), type: 'group' } } });
    const planDetails = await graph(sb, adele, `/planner/plans/${ownPlan.body.id}/details`);
    expect(planDetails.body).toMatchObject({ categoryDescriptions: {}, sharedWith: {} });
    const relabelled = await graph(sb, adele, `/planner/plans/${ownPlan.body.id}/details`, { method: 'PATCH', headers: { 'If-Match': planDetails.body['@odata.etag'], Prefer: 'return=representation' }, body: { categoryDescriptions: { category4: 'Press' }, sharedWith: { [idOf(BEN)]: true } } });
    expect(relabelled.body.categoryDescriptions.category4).toBe('Press');
    expect(relabelled.body.sharedWith).toEqual({ [idOf(BEN)]: true });
  });

  it('makes plans in a group one belongs to, renames and deletes them with what they hold', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const made = await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'Holiday season', container: { url: `https://graph.microsoft.com/v1.0/groups/${groupId('Sales')}` } } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ title: 'Holiday season', owner: groupId('Sales'), container: { type: 'group', containerId: groupId('Sales') }, createdBy: { user: { id: idOf(ADELE) } } });
    const bucket = await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'To do', planId: made.body.id, orderHint: ' !' } });
    const task = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: made.body.id, bucketId: bucket.body.id, title: 'Plan the windows' } });
    expect((await graph(sb, adele, `/groups/${groupId('Sales')}/planner/plans`)).body.value.map((p: any) => p.title)).toContain('Holiday season');
    const renamed = await graph(sb, adele, `/planner/plans/${made.body.id}`, { method: 'PATCH', headers: { 'If-Match': made.body['@odata.etag'] }, body: { title: 'Holiday season 2026' } });
    expect(renamed.status).toBe(204);
    const current = await graph(sb, adele, `/planner/plans/${made.body.id}`);
    expect(current.body.title).toBe('Holiday season 2026');
    // Not in a group she is not a member of, and not without a container or a title.
    expect((await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'x', container: { containerId: groupId('Finance'), type: 'group' } } })).status).toBe(403);
    expect((await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'x' } })).status).toBe(400);
    expect((await graph(sb, adele, '/planner/plans', { method: 'POST', body: { owner: groupId('Sales') } })).status).toBe(400);
    expect((await graph(sb, adele, `/planner/plans/${made.body.id}`, { method: 'DELETE', headers: { 'If-Match': current.body['@odata.etag'] } })).status).toBe(204);
    for (const gone of [`/planner/plans/${made.body.id}`, `/planner/buckets/${bucket.body.id}`, `/planner/tasks/${task.body.id}`]) expect((await graph(sb, adele, gone)).status).toBe(404);
  });

  it('takes the permissions the docs list', async () => {
    const mailOnly = await sb.graphAs(ADELE, 'Mail.Read');
    expect((await graph(sb, mailOnly, '/me/planner/tasks')).status).toBe(403);
    const groupRead = await sb.graphAs(ADELE, 'Group.Read.All');
    const { plan } = await planOf(groupRead, 'Sales');
    expect((await graph(sb, groupRead, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'x' } })).status).toBe(403);
    const groupWrite = await sb.graphAs(ADELE, 'Group.ReadWrite.All');
    const made = await graph(sb, groupWrite, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Made with Group.ReadWrite.All' } });
    expect(made.status).toBe(201);
    expect((await graph(sb, groupWrite, `/planner/tasks/${made.body.id}`, { method: 'DELETE', headers: { 'If-Match': made.body['@odata.etag'] } })).status).toBe(204);
  });
});

