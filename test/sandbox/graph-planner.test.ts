// The Planner workload over real HTTP: team plans in the department groups (only members see them), buckets and
// tasks in order-hint order, Planner's ETag discipline (If-Match on every change: 412 without one or with a stale
// one, a retry with the fresh one that keeps the other person's change), a move between buckets, assignments keyed
// by user id, completion by percentComplete, the permissions (details and plans made: graph-planner-details).
import { describe, expect, it } from 'vitest';
import { ADELE, BEN, byOrderHint, graph, groupIdOf, groupPlan, idOf, MEGAN, plannerAssignment, PRADEEP, upn, useSandbox } from '../fixtures.js';
import { SEEDED_PLANS } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const RW = 'Tasks.ReadWrite';
const planOf = (who: Awaited<ReturnType<typeof sb.graphAs>>, group: string) => groupPlan(sb, who, group);

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
    expect(plan).toMatchObject({ title: 'Sales pipeline Q4', owner: groupIdOf('Sales'), container: { containerId: groupIdOf('Sales'), type: 'group' } });
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
      await graph(sb, pradeep, `/groups/${groupIdOf('Sales')}/planner/plans`),
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
      body: { planId: plan.id, bucketId: buckets[0].id, title: 'Order the launch balloons', dueDateTime: `${sb.thisWeek}T17:00:00Z`, assignments: { [idOf(ADELE)]: plannerAssignment(), [idOf(MEGAN)]: plannerAssignment() } },
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
    const made = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Count the shelf stock', assignments: { [idOf(MEGAN)]: plannerAssignment() } } });
    const task = `/planner/tasks/${made.body.id}`;
    const patch = (etag: string, body: unknown) => graph(sb, adele, task, { method: 'PATCH', headers: { 'If-Match': etag, Prefer: 'return=representation' }, body });

    const swapped = await patch(made.body['@odata.etag'], { assignments: { [idOf(MEGAN)]: null, [idOf(BEN)]: plannerAssignment() }, appliedCategories: { category1: true, category3: true } });
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
      { assignments: { 'not-a-user': plannerAssignment() } },
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
    const names = (await graph(sb, adele, `/planner/plans/${plan.id}/buckets`)).body.value.sort(byOrderHint).map((b: any) => b.name);
    expect(names).toEqual(['Inbox', 'To do', 'Doing', 'Waiting', 'Done', 'Follow-up']);
    expect(between.body.orderHint).not.toContain('!');

    // Moving a bucket is a PATCH of its hint; a new task goes first unless told otherwise.
    const moved = await graph(sb, adele, `/planner/buckets/${last.body.id}`, { method: 'PATCH', headers: { 'If-Match': last.body['@odata.etag'], Prefer: 'return=representation' }, body: { orderHint: ` ${first.body.orderHint}!` } });
    expect(moved.body.orderHint < first.body.orderHint).toBe(true);
    const newest = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Top of the list' } });
    expect(tasks.every((t: any) => newest.body.orderHint < t.orderHint)).toBe(true);
    const bottom = [...tasks].sort(byOrderHint).at(-1);
    const appended = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, title: 'Bottom of the list', orderHint: `${bottom.orderHint} !` } });
    expect(appended.body.orderHint > bottom.orderHint).toBe(true);
    expect((await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'Bad', planId: plan.id, orderHint: `${buckets[2].orderHint} ${buckets[0].orderHint}!` } })).status).toBe(400);
    // Deleting a bucket takes its tasks with it.
    const inInbox = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.id, bucketId: first.body.id, title: 'In the inbox' } });
    expect((await graph(sb, adele, `/planner/buckets/${first.body.id}`, { method: 'DELETE', headers: { 'If-Match': first.body['@odata.etag'] } })).status).toBe(204);
    expect((await graph(sb, adele, `/planner/tasks/${inInbox.body.id}`)).status).toBe(404);
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

