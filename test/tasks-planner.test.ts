// The Planner tools through a real MCP client against the sandbox, signed in as Adele (Pacific time): her plans and
// their tasks in board order; a task made assigned to two people found by name and address; moved between buckets
// while Megan changed it meanwhile (the stale ETag retried once, keeping her change), and not moved when Megan had
// moved it herself (her change kept, the conflict reported); completed; bad input whose advice is followed.
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, addDays, type Connected, fails, graph, groupPlan, idOf, MEGAN, ok, upn, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type PTask = { id: string; title: string; plan: string; bucket?: string; assignees: string[]; progress: string; due?: string; description?: string; checklist?: string[] };
type PList = { plans?: { id: string; title: string }[]; buckets?: string[]; tasks: PTask[]; timeZone: string };
const RETAIL = 'Spring retail launch';
const who = () => sandbox.graphAs(MEGAN, 'Tasks.ReadWrite');
const stored = async (id: string) => (await graph(sandbox, await who(), `/planner/tasks/${id}`)).body;

/** Runs a tool call while Megan changes the task between the tool's read of it and its write: the tool's read of the
 *  plan's buckets (after the task, before the PATCH) is held back, and Megan's change goes in then. */
async function whileMeganChanges(taskId: string, planId: string, change: Record<string, unknown>, call: () => Promise<unknown>) {
  sandbox.faults.clear();
  sandbox.faults.add({ method: 'GET', path: `^/planner/plans/${planId}/buckets$`, latencyMs: 1500 });
  const running = call();
  const readTask = () => sandbox.faults.journal.some((j) => j.method === 'GET' && j.path === `/planner/tasks/${taskId}`);
  for (let i = 0; i < 100 && !readTask(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(readTask(), 'the tool read the task').toBe(true);
  const megan = await who();
  const current = await graph(sandbox, megan, `/planner/tasks/${taskId}`);
  const r = await graph(sandbox, megan, `/planner/tasks/${taskId}`, { method: 'PATCH', headers: { 'If-Match': current.body['@odata.etag'] }, body: change });
  expect(r.status).toBe(204);
  const result = await running;
  const patches = sandbox.faults.journal.filter((j) => j.method === 'PATCH' && j.path === `/planner/tasks/${taskId}`).map((j) => j.status);
  sandbox.faults.clear();
  return { result, patches };
}

describe('Planner', () => {
  it("lists her groups' plans, a plan's open tasks by bucket with names, hers across plans, and one task in full", async () => {
    const plans = await ok<PList>(adele, 'tasks_planner_list');
    expect(plans.plans!.map((p) => p.title).sort()).toEqual(['Sales pipeline Q4', RETAIL]);
    const retail = await ok<PList>(adele, 'tasks_planner_list', { plan: 'spring retail launch' });
    expect(retail.buckets).toEqual(['To do', 'Doing', 'Done']);
    expect(retail.tasks.map((t) => t.bucket)).toEqual(['To do', 'To do', 'Doing', 'Doing']);
    expect(retail.tasks.map((t) => t.title)).not.toContain('Store app banner');
    const windows = retail.tasks.find((t) => t.title === 'Window displays for the Bellevue store')!;
    expect(windows).toMatchObject({ plan: RETAIL, bucket: 'To do', assignees: ['Adele Vance', 'Miriam Graham'], progress: 'notStarted', due: addDays(sandbox.thisWeek, 3) });
    expect((await ok<PList>(adele, 'tasks_planner_list', { plan: RETAIL, status: 'done' })).tasks.map((t) => t.title)).toEqual(['Store app banner']);
    const mine = await ok<PList>(adele, 'tasks_planner_list', { mine: true });
    expect(mine.tasks.map((t) => `${t.plan}: ${t.title}`).sort()).toEqual(['Sales pipeline Q4: Proposal for Northwind Traders', `${RETAIL}: Window displays for the Bellevue store`]);
    const proposal = mine.tasks.find((t) => t.plan === 'Sales pipeline Q4')!;
    const full = await ok<PList>(adele, 'tasks_planner_list', { task: proposal.id });
    expect(full.tasks[0]).toMatchObject({ title: 'Proposal for Northwind Traders', bucket: 'Proposals', progress: 'inProgress', description: 'Volume pricing for the spring range; legal review before sending.', checklist: ['[x] Pricing sheet', '[ ] Legal review', '[ ] Send to the buyer'] });
    expect(full.textBlock).toContain('checklist: [x] Pricing sheet; [ ] Legal review');
  });

  it('makes a task assigned to two people, moves it while Megan renames it (retried once, her title kept), then refuses to undo her move', async () => {
    const thursday = addDays(sandbox.thisWeek, 3);
    // "Al" fits Alex Wilber and Allan Deyoung: the error lists both and asks for an address, which is given next.
    expect(await fails(adele, 'tasks_planner_save', { plan: RETAIL, title: 'Order the launch balloons', assign: ['Megan Bowen', 'Al'] })).toMatch(/"Al" fits several people: .*Alex Wilber.*Allan Deyoung.*Give the address/);
    const made = await ok<PTask & { created: boolean }>(adele, 'tasks_planner_save', {
      plan: RETAIL, bucket: 'To do', title: 'Order the launch balloons', assign: ['Megan Bowen', upn('allan.deyoung')], due: thursday,
      description: 'Blue and white, 200 of them.', checklist: ['Get a quote', 'Order'],
    });
    expect(made).toMatchObject({ created: true, plan: RETAIL, bucket: 'To do', assignees: ['Megan Bowen', 'Allan Deyoung'], progress: 'notStarted', due: thursday, description: 'Blue and white, 200 of them.', checklist: ['[ ] Get a quote', '[ ] Order'] });
    const { plan, buckets } = await groupPlan(sandbox, await who(), 'Retail Launch');
    const [todo, doing, done] = buckets.map((b: { id: string }) => b.id);
    const task = await stored(made.id);
    expect(Object.keys(task.assignments).sort()).toEqual([idOf(MEGAN), idOf(upn('allan.deyoung'))].sort());
    expect(task).toMatchObject({ bucketId: todo, title: 'Order the launch balloons' });
    // Due at the start of Thursday in her zone.
    expect(Date.parse(task.dueDateTime)).toBe(DateTime.fromISO(`${thursday}T00:00`, { zone: 'America/Los_Angeles' }).toMillis());

    // Megan renames it while the move is under way: the tool's PATCH meets a stale ETag, re-reads, sees that the
    // bucket was not touched, and sends the move again; her title stays.
    const moved = await whileMeganChanges(made.id, plan.id, { title: 'Order the launch balloons (blue)' }, () => ok<PTask>(adele, 'tasks_planner_save', { id: made.id, bucket: 'Doing' }));
    // Hers (204), the tool's with the ETag it had read (412), the tool's again with the fresh one (200).
    expect(moved.patches).toEqual([204, 412, 200]);
    expect(moved.result).toMatchObject({ bucket: 'Doing', title: 'Order the launch balloons (blue)' });
    expect(await stored(made.id)).toMatchObject({ bucketId: doing, title: 'Order the launch balloons (blue)' });

    // Megan moves it to Done while Adele moves it back to To do: Adele's move is not sent again over hers.
    const clash = await whileMeganChanges(made.id, plan.id, { bucketId: done }, () => fails(adele, 'tasks_planner_save', { id: made.id, bucket: 'To do' }));
    expect(clash.patches).toEqual([204, 412]);
    expect(clash.result).toMatch(/Not saved: while this ran, someone else changed its bucket \(now Done\)\. Their change is kept; read the task again with tasks_planner_list/);
    expect((await stored(made.id)).bucketId).toBe(done);

    // Following the advice: read it again, then complete it and unassign Allan.
    const again = await ok<PList>(adele, 'tasks_planner_list', { task: made.id });
    expect(again.tasks[0]).toMatchObject({ bucket: 'Done', title: 'Order the launch balloons (blue)' });
    // "Order" is on the checklist already: only "Pay the invoice" is added.
    const completed = await ok<PTask>(adele, 'tasks_planner_save', { id: made.id, progress: 'done', unassign: ['Allan Deyoung'], checklist: ['Order', 'Pay the invoice'] });
    expect(completed).toMatchObject({ progress: 'done', assignees: ['Megan Bowen'], checklist: ['[ ] Get a quote', '[ ] Order', '[ ] Pay the invoice'] });
    const final = await stored(made.id);
    expect(final).toMatchObject({ percentComplete: 100, completedBy: { user: { id: idOf(ADELE) } } });
    expect(Object.keys(final.assignments)).toEqual([idOf(MEGAN)]);
  });

  it('says what to do with a plan, bucket or person that does not exist, and with nothing to change', async () => {
    expect(await fails(adele, 'tasks_planner_save', { title: 'x' })).toMatch(/needs plan: .*tasks_planner_list/);
    expect(await fails(adele, 'tasks_planner_list', { plan: 'Warehouse move' })).toMatch(/no plan "Warehouse move"\. Your plans: .*Sales pipeline Q4/);
    expect(await fails(adele, 'tasks_planner_save', { plan: RETAIL, bucket: 'Later', title: 'Hang the posters' })).toMatch(/has no bucket "Later"\. Its buckets: To do, Doing, Done/);
    expect(await ok<PTask>(adele, 'tasks_planner_save', { plan: RETAIL, bucket: 'Doing', title: 'Hang the posters' })).toMatchObject({ bucket: 'Doing', assignees: [] });
    expect(await fails(adele, 'tasks_planner_save', { plan: RETAIL, title: 'x', assign: ['Nobody Here'] })).toMatch(/No one named "Nobody Here".*give their address/);
    const [first] = (await ok<PList>(adele, 'tasks_planner_list', { plan: RETAIL })).tasks;
    expect(await fails(adele, 'tasks_planner_save', { id: first.id })).toMatch(/Nothing to change/);
    expect(await fails(adele, 'tasks_planner_save', { id: first.id, plan: RETAIL, title: 'x' })).toMatch(/plan applies to new tasks only/);
  });
});
