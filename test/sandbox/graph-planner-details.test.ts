// Planner's details resources and plans over real HTTP: a task's and a plan's details beside them with ETags of
// their own (a change that shows on the task moves the task's ETag too), plans made in a group one belongs to,
// renamed and deleted with what they hold (graph-planner.test.ts has the plans, buckets and tasks).
import { describe, expect, it } from 'vitest';
import { ADELE, BEN, graph, groupIdOf, groupPlan, idOf, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const RW = 'Tasks.ReadWrite';
const planOf = (who: Awaited<ReturnType<typeof sb.graphAs>>, group: string) => groupPlan(sb, who, group);

describe('Planner details and plans', () => {
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
    // The type as the plannerChecklistItems documentation writes it, without '#', is taken too.
    const current = (await graph(sb, adele, url)).body['@odata.etag'];
    const bare = await graph(sb, adele, url, { method: 'PATCH', headers: { 'If-Match': current, Prefer: 'return=representation' }, body: { checklist: { 'a1b2c3d4-0000-4000-8000-000000000002': { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: 'Count the pallets' } } } });
    expect(bare.status).toBe(200);
    expect(Object.values(bare.body.checklist).map((c: any) => [c.title, c['@odata.type']])).toEqual([['Count the pallets', '#microsoft.graph.plannerChecklistItem']]);

    const seededPlan = await graph(sb, adele, `/planner/plans/${plan.id}/details`);
    expect(seededPlan.body.categoryDescriptions).toMatchObject({ category1: 'Store', category2: 'Campaign', category3: 'Supply' });
    const ownPlan = await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'Labels', container: { containerId: groupIdOf('Retail Launch'), type: 'group' } } });
    const planDetails = await graph(sb, adele, `/planner/plans/${ownPlan.body.id}/details`);
    expect(planDetails.body).toMatchObject({ categoryDescriptions: {}, sharedWith: {} });
    const relabelled = await graph(sb, adele, `/planner/plans/${ownPlan.body.id}/details`, { method: 'PATCH', headers: { 'If-Match': planDetails.body['@odata.etag'], Prefer: 'return=representation' }, body: { categoryDescriptions: { category4: 'Press' }, sharedWith: { [idOf(BEN)]: true } } });
    expect(relabelled.body.categoryDescriptions.category4).toBe('Press');
    expect(relabelled.body.sharedWith).toEqual({ [idOf(BEN)]: true });
  });

  it('makes plans in a group one belongs to, renames and deletes them with what they hold', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const made = await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'Holiday season', container: { url: `https://graph.microsoft.com/v1.0/groups/${groupIdOf('Sales')}` } } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ title: 'Holiday season', owner: groupIdOf('Sales'), container: { type: 'group', containerId: groupIdOf('Sales') }, createdBy: { user: { id: idOf(ADELE) } } });
    const bucket = await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'To do', planId: made.body.id, orderHint: ' !' } });
    const task = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: made.body.id, bucketId: bucket.body.id, title: 'Plan the windows' } });
    expect((await graph(sb, adele, `/groups/${groupIdOf('Sales')}/planner/plans`)).body.value.map((p: any) => p.title)).toContain('Holiday season');
    const renamed = await graph(sb, adele, `/planner/plans/${made.body.id}`, { method: 'PATCH', headers: { 'If-Match': made.body['@odata.etag'] }, body: { title: 'Holiday season 2026' } });
    expect(renamed.status).toBe(204);
    const current = await graph(sb, adele, `/planner/plans/${made.body.id}`);
    expect(current.body.title).toBe('Holiday season 2026');
    // Not in a group she is not a member of, and not without a container or a title.
    expect((await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'x', container: { containerId: groupIdOf('Finance'), type: 'group' } } })).status).toBe(403);
    expect((await graph(sb, adele, '/planner/plans', { method: 'POST', body: { title: 'x' } })).status).toBe(400);
    expect((await graph(sb, adele, '/planner/plans', { method: 'POST', body: { owner: groupIdOf('Sales') } })).status).toBe(400);
    expect((await graph(sb, adele, `/planner/plans/${made.body.id}`, { method: 'DELETE', headers: { 'If-Match': current.body['@odata.etag'] } })).status).toBe(204);
    for (const gone of [`/planner/plans/${made.body.id}`, `/planner/buckets/${bucket.body.id}`, `/planner/tasks/${task.body.id}`]) expect((await graph(sb, adele, gone)).status).toBe(404);
  });
});
