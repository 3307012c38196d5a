// Planner against Microsoft's description of Graph: every plan, bucket, task and details resource of every seeded
// plan has only properties of its CSDL type, well typed (the open maps' members checked against the type their
// @odata.type names), and the answers have the status codes and keys of the documented samples of these routes.
import { describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples, documentedKeys as documentedKeysOf } from './csdl.js';
import { ADELE, graph, idOf, useSandbox } from '../fixtures.js';
import { demoDirectory } from '../../src/sandbox/testing.js';

const csdl = Csdl.load();
const samples = loadSamples();
const sb = useSandbox();
const groups = demoDirectory().groups;

const sampleOf = (method: string, url: string) => findSample(samples, method, url).response;
const documentedKeys = (method: string, url: string) => documentedKeysOf(samples, method, url);
const hasKeys = (obj: Record<string, unknown>, method: string, url: string) => {
  for (const k of documentedKeys(method, url)) expect(obj, `${method} ${url}: ${k}`).toHaveProperty(k);
};
const check = (type: string, obj: Record<string, unknown>) => expect(csdl.problems(`microsoft.graph.${type}`, obj), `${type} ${obj.id}`).toEqual([]);
const READ = 'Tasks.Read';

describe('Planner against the CSDL and the documented samples', () => {
  it('every seeded plan, bucket, task and details resource, read by a member of its group', async () => {
    for (const group of groups) {
      const member = await sb.graphAs(group.members[0], READ);
      const plans = await graph(sb, member, `/groups/${group.id}/planner/plans`);
      expect(plans.status).toBe(sampleOf('GET', '/groups/*/planner/plans').statusCode);
      for (const plan of plans.body.value) {
        check('plannerPlan', plan);
        hasKeys(plan, 'GET', '/groups/*/planner/plans');
        hasKeys((await graph(sb, member, `/planner/plans/${plan.id}`)).body, 'GET', '/planner/plans/*');
        const details = await graph(sb, member, `/planner/plans/${plan.id}/details`);
        check('plannerPlanDetails', details.body);
        hasKeys(details.body, 'GET', '/planner/plans/*/details');
        const buckets = await graph(sb, member, `/planner/plans/${plan.id}/buckets`);
        for (const b of buckets.body.value) {
          check('plannerBucket', b);
          hasKeys(b, 'GET', '/planner/plans/*/buckets');
          hasKeys((await graph(sb, member, `/planner/buckets/${b.id}`)).body, 'GET', '/planner/buckets/*');
        }
        const tasks = await graph(sb, member, `/planner/plans/${plan.id}/tasks?$expand=details`);
        for (const { details: d, ...t } of tasks.body.value) {
          check('plannerTask', t);
          check('plannerTaskDetails', d);
          hasKeys(t, 'GET', '/planner/plans/*/tasks');
          hasKeys(d, 'GET', '/planner/tasks/*/details');
          hasKeys((await graph(sb, member, `/planner/tasks/${t.id}`)).body, 'GET', '/planner/tasks/*');
        }
      }
    }
    const adele = await sb.graphAs(ADELE, READ);
    for (const [url, type] of [['/me/planner/plans', 'plannerPlan'], ['/me/planner/tasks', 'plannerTask']] as const) {
      const r = await graph(sb, adele, url);
      expect(r.status).toBe(sampleOf('GET', url).statusCode);
      for (const x of r.body.value) check(type, x);
      hasKeys(r.body.value[0], 'GET', url);
    }
  });

  it('writes answer with the documented status codes (PATCH with Prefer: return=representation) and keys', async () => {
    const adele = await sb.graphAs(ADELE, 'Tasks.ReadWrite');
    const sales = groups.find((g) => g.displayName === 'Sales')!.id;
    const plan = await graph(sb, adele, '/planner/plans', { method: 'POST', body: { container: { url: `https://graph.microsoft.com/v1.0/groups/${sales}` }, title: 'title-value' } });
    // Create plannerPlan documents 201 Created; its sample in the reference data records 200.
    expect(plan.status).toBe(201);
    check('plannerPlan', plan.body);
    hasKeys(plan.body, 'POST', '/planner/plans');
    const representation = (etag: string) => ({ 'If-Match': etag, Prefer: 'return=representation' });

    const bucket = await graph(sb, adele, '/planner/buckets', { method: 'POST', body: { name: 'Advertising', planId: plan.body.id, orderHint: ' !' } });
    expect(bucket.status).toBe(sampleOf('POST', '/planner/buckets').statusCode);
    check('plannerBucket', bucket.body);
    hasKeys(bucket.body, 'POST', '/planner/buckets');
    const task = await graph(sb, adele, '/planner/tasks', { method: 'POST', body: { planId: plan.body.id, bucketId: bucket.body.id, title: 'Update client list', assignments: { [idOf(ADELE)]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } } } });
    expect(task.status).toBe(sampleOf('POST', '/planner/tasks').statusCode);
    check('plannerTask', task.body);
    hasKeys(task.body, 'POST', '/planner/tasks');

    const patches: [string, string, Record<string, unknown>, string, string][] = [
      [`/planner/plans/${plan.body.id}`, plan.body['@odata.etag'], { title: 'title-value 2' }, '/planner/plans/*', 'plannerPlan'],
      [`/planner/buckets/${bucket.body.id}`, bucket.body['@odata.etag'], { name: 'Development' }, '/planner/buckets/*', 'plannerBucket'],
      [`/planner/tasks/${task.body.id}`, task.body['@odata.etag'], { appliedCategories: { category3: true }, percentComplete: 50 }, '/planner/tasks/*', 'plannerTask'],
    ];
    for (const [url, etag, body, route, type] of patches) {
      const r = await graph(sb, adele, url, { method: 'PATCH', headers: representation(etag), body });
      expect(r.status, route).toBe(sampleOf('PATCH', route).statusCode);
      check(type, r.body);
      if (route !== '/planner/tasks/*') hasKeys(r.body, 'PATCH', route);
    }
    const details = await graph(sb, adele, `/planner/tasks/${task.body.id}/details`);
    const patchedDetails = await graph(sb, adele, `/planner/tasks/${task.body.id}/details`, {
      method: 'PATCH',
      headers: representation(details.body['@odata.etag']),
      body: {
        previewType: 'noPreview',
        references: { 'http%3A//developer%2Emicrosoft%2Ecom': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Documentation', type: 'Other' } },
        checklist: { '95e27074-6c4a-447a-aa24-9d718a0b86fa': { '@odata.type': '#microsoft.graph.plannerChecklistItem', title: 'Update task details' } },
      },
    });
    expect(patchedDetails.status).toBe(sampleOf('PATCH', '/planner/tasks/*/details').statusCode);
    check('plannerTaskDetails', patchedDetails.body);
    hasKeys(patchedDetails.body, 'PATCH', '/planner/tasks/*/details');
    const planDetails = await graph(sb, adele, `/planner/plans/${plan.body.id}/details`);
    const patchedPlanDetails = await graph(sb, adele, `/planner/plans/${plan.body.id}/details`, { method: 'PATCH', headers: representation(planDetails.body['@odata.etag']), body: { categoryDescriptions: { category1: 'Indoors' } } });
    expect(patchedPlanDetails.status).toBe(sampleOf('PATCH', '/planner/plans/*/details').statusCode);
    check('plannerPlanDetails', patchedPlanDetails.body);

    const current = async (url: string) => (await graph(sb, adele, url)).body['@odata.etag'];
    for (const [url, route] of [[`/planner/tasks/${task.body.id}`, '/planner/tasks/*'], [`/planner/buckets/${bucket.body.id}`, '/planner/buckets/*'], [`/planner/plans/${plan.body.id}`, '/planner/plans/*']]) {
      const r = await graph(sb, adele, url, { method: 'DELETE', headers: { 'If-Match': await current(url) } });
      expect(r.status, route).toBe(sampleOf('DELETE', route).statusCode);
    }
  });
});
