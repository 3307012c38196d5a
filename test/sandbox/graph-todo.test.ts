// The To Do workload over real HTTP: the seeded lists and tasks (due this week, overdue, done), $filter/$orderby/
// $top as To Do takes them, a task made from a mail with its due date and reminder in the person's zone, found
// among "due this week", completed and reopened; checklist items, linked resources, ETags, and the errors and
// permission gates of Graph's To Do API (recurring series and flagged mail: graph-todo-series.test.ts).
import { describe, expect, it } from 'vitest';
import { ADELE, addDays, allPages, graph, PACIFIC, PATTI, PRADEEP, todoLists, useSandbox } from '../fixtures.js';
import { SEEDED_TODO_TASKS, SEEDED_TODO_TEAM_LISTS } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const RW = 'Tasks.ReadWrite';
const enc = encodeURIComponent;
const listsOf = (who: Awaited<ReturnType<typeof sb.graphAs>>) => todoLists(sb, who);

/** Tasks due in [from, to) (UTC dates), as a tool asks for "due this week". */
const dueBetween = (from: string, to: string) => enc(`dueDateTime/dateTime ge '${from}T00:00:00' and dueDateTime/dateTime lt '${to}T00:00:00'`);

describe('To Do lists', () => {
  it('has the default and flagged-email lists and a list of the department, and makes, renames and deletes others', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const lists = await listsOf(adele);
    expect(lists.tasks).toMatchObject({ displayName: 'Tasks', isOwner: true, isShared: false });
    expect(lists.flagged.displayName).toBe('Flagged email');
    expect(lists.mine.displayName).toBe(SEEDED_TODO_TEAM_LISTS.Sales.name);
    expect(lists.tasks['@odata.etag']).toMatch(/^W\/"/);

    const made = await graph(sb, adele, '/me/todo/lists', { method: 'POST', body: { displayName: 'Store opening' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ displayName: 'Store opening', wellknownListName: 'none', isOwner: true, isShared: false });
    const renamed = await graph(sb, adele, `/me/todo/lists/${made.body.id}`, { method: 'PATCH', body: { displayName: 'Store opening (Bellevue)' } });
    expect(renamed.body.displayName).toBe('Store opening (Bellevue)');
    const task = await graph(sb, adele, `/me/todo/lists/${made.body.id}/tasks`, { method: 'POST', body: { title: 'Order the signage' } });
    expect(task.status).toBe(201);
    expect((await graph(sb, adele, `/me/todo/lists/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, adele, `/me/todo/lists/${made.body.id}/tasks/${task.body.id}`)).body.error.code).toBe('ErrorItemNotFound');
    expect((await listsOf(adele)).all.some((l: any) => l.id === made.body.id)).toBe(false);

    const keep = await graph(sb, adele, `/me/todo/lists/${lists.tasks.id}`, { method: 'DELETE' });
    expect(keep.status).toBe(400);
    expect(keep.body.error.code).toBe('ErrorDeleteDistinguishedFolder');
    expect((await graph(sb, adele, '/me/todo/lists', { method: 'POST', body: {} })).status).toBe(400);
  });
});

describe('To Do tasks', () => {
  it('has seeded tasks due this week, overdue and done, and filters, sorts and pages them as To Do does', async () => {
    const adele = await sb.graphAs(ADELE, 'Tasks.Read');
    const { tasks } = await listsOf(adele);
    const base = `/me/todo/lists/${tasks.id}/tasks`;
    const all = await allPages(sb, adele, `${base}?$top=3`);
    expect(all.map((t) => t.title).sort()).toEqual(SEEDED_TODO_TASKS.map((t) => t.title).sort());
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);

    const thisWeek = await allPages(sb, adele, `${base}?$filter=${dueBetween(sb.thisWeek, sb.nextWeek)}&$orderby=dueDateTime/dateTime`);
    expect(thisWeek.map((t) => t.title)).toEqual(['Complete the security awareness training', 'Submit the weekly status report']);
    // Due dates are midnight in Adele's zone (Pacific), shown in UTC without a preference...
    expect(thisWeek[0].dueDateTime.timeZone).toBe('UTC');
    expect(thisWeek[0].dueDateTime.dateTime).toMatch(new RegExp(`^${addDays(sb.thisWeek, 2)}T0[78]:00:00\\.0000000$`));
    // ...and as midnight in Pacific time when she asks for it.
    const pacific = await graph(sb, adele, `${base}/${thisWeek[0].id}`, { headers: PACIFIC });
    expect(pacific.body.dueDateTime).toEqual({ dateTime: `${addDays(sb.thisWeek, 2)}T00:00:00.0000000`, timeZone: 'Pacific Standard Time' });
    expect(pacific.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');

    const overdue = await allPages(sb, adele, `${base}?$filter=${enc(`status ne 'completed' and dueDateTime/dateTime lt '${sb.thisWeek}T00:00:00'`)}`);
    expect(overdue.map((t) => t.title).sort()).toEqual(['Submit the expense report for last month', 'Update the project tracker']);
    const done = await allPages(sb, adele, `${base}?$filter=${enc("status eq 'completed'")}`);
    expect(done.map((t) => t.title)).toEqual(['Book travel for the regional offsite']);
    expect(done[0].completedDateTime.timeZone).toBe('UTC');
    const undated = await allPages(sb, adele, `${base}?$filter=${enc('dueDateTime/dateTime eq null')}`);
    expect(undated.map((t) => t.title)).toEqual(['Renew the parking permit']);
    const important = await allPages(sb, adele, `${base}?$filter=${enc("importance eq 'high'")}&$orderby=title desc&$select=title,importance`);
    expect(important.map((t) => t.title)).toEqual(['Update the project tracker', 'Complete the security awareness training']);
    expect(Object.keys(important[0]).sort()).toEqual(['@odata.etag', 'id', 'importance', 'title']);

    const unknown = await graph(sb, adele, `${base}?$filter=${enc("colour eq 'red'")}`);
    expect(unknown.status).toBe(400);
  });

  it('makes a task from a mail, due in her zone with a reminder, finds it among "due this week", completes and reopens it', async () => {
    const adele = await sb.graphAs(ADELE, `${RW} Mail.Read`);
    const [mail] = (await graph(sb, adele, '/me/messages?$top=1&$select=subject,webLink')).body.value;
    const { tasks } = await listsOf(adele);
    const base = `/me/todo/lists/${tasks.id}/tasks`;
    const thursday = addDays(sb.thisWeek, 3);
    const made = await graph(sb, adele, base, {
      method: 'POST',
      body: {
        title: `Answer: ${mail.subject}`,
        importance: 'high',
        body: { content: 'Reply with the updated figures.', contentType: 'text' },
        dueDateTime: { dateTime: `${thursday}T00:00:00`, timeZone: 'Pacific Standard Time' },
        reminderDateTime: { dateTime: `${thursday}T09:30:00`, timeZone: 'America/Los_Angeles' },
        categories: ['Customers'],
        linkedResources: [{ webUrl: mail.webLink, applicationName: 'Outlook', displayName: mail.subject, externalId: mail.id }],
        checklistItems: [{ displayName: 'Check the figures' }, { displayName: 'Ask Megan', isChecked: true }],
      },
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('etag')).toBe(made.body['@odata.etag']);
    expect(made.body).toMatchObject({ status: 'notStarted', importance: 'high', isReminderOn: true, categories: ['Customers'] });
    expect(made.body.linkedResources).toEqual([expect.objectContaining({ webUrl: mail.webLink, externalId: mail.id, applicationName: 'Outlook' })]);
    expect(made.body.completedDateTime).toBeUndefined();
    const reminderUtc = Date.parse(`${made.body.reminderDateTime.dateTime.slice(0, 19)}Z`);
    expect(reminderUtc - Date.parse(`${made.body.dueDateTime.dateTime.slice(0, 19)}Z`)).toBe(9.5 * 3_600_000);

    const dueThisWeek = await allPages(sb, adele, `${base}?$filter=${dueBetween(sb.thisWeek, sb.nextWeek)}&$select=title`);
    expect(dueThisWeek.map((t) => t.title)).toContain(`Answer: ${mail.subject}`);
    const checklist = await graph(sb, adele, `${base}/${made.body.id}/checklistItems`);
    expect(checklist.body.value.map((c: any) => [c.displayName, c.isChecked])).toEqual([['Check the figures', false], ['Ask Megan', true]]);

    const completed = await graph(sb, adele, `${base}/${made.body.id}`, { method: 'PATCH', headers: { 'If-Match': made.body['@odata.etag'], ...PACIFIC }, body: { status: 'completed' } });
    expect(completed.status).toBe(200);
    expect(completed.body.completedDateTime.timeZone).toBe('Pacific Standard Time');
    expect(Math.abs(Date.parse(`${completed.body.lastModifiedDateTime}`) - Date.now())).toBeLessThan(60_000);
    const stale = await graph(sb, adele, `${base}/${made.body.id}`, { method: 'PATCH', headers: { 'If-Match': made.body['@odata.etag'] }, body: { title: 'lost' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
    const open = await allPages(sb, adele, `${base}?$filter=${enc("status ne 'completed'")}&$select=title`);
    expect(open.map((t) => t.title)).not.toContain(`Answer: ${mail.subject}`);

    const reopened = await graph(sb, adele, `${base}/${made.body.id}`, { method: 'PATCH', body: { status: 'inProgress' } });
    expect(reopened.body.status).toBe('inProgress');
    expect(reopened.body.completedDateTime).toBeUndefined();
    expect((await graph(sb, adele, `${base}/${made.body.id}`, { method: 'DELETE', headers: { 'If-Match': reopened.body['@odata.etag'] } })).status).toBe(204);
    expect((await graph(sb, adele, `${base}/${made.body.id}`)).status).toBe(404);
  });

  it('keeps checklist items and linked resources as collections of the task, each change touching the task', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const { tasks } = await listsOf(adele);
    const base = `/me/todo/lists/${tasks.id}/tasks`;
    const [seededTask] = await allPages(sb, adele, `${base}?$filter=${enc("startsWith(title,'Submit the expense')")}`);
    const seeded = (await graph(sb, adele, `${base}/${seededTask.id}/checklistItems`)).body.value;
    expect(seeded.map((c: any) => c.displayName)).toEqual(['Collect the receipts', 'Scan the hotel invoice', 'Fill in the expense form']);
    expect(seeded[0].checkedDateTime).toBeDefined();
    expect(seeded[1].checkedDateTime).toBeUndefined();

    // Changes go to a task of the test's own.
    const expenses = (await graph(sb, adele, base, { method: 'POST', body: { title: 'Expenses for the offsite', checklistItems: [{ displayName: 'Collect the receipts', isChecked: true }, { displayName: 'Scan the invoices' }] } })).body;
    const items = `${base}/${expenses.id}/checklistItems`;
    const mine = (await graph(sb, adele, items)).body.value;

    const added = await graph(sb, adele, items, { method: 'POST', body: { displayName: 'Send it to Alex' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ displayName: 'Send it to Alex', isChecked: false });
    expect(added.body.id).toMatch(/^[0-9a-f]{8}-/);
    const checked = await graph(sb, adele, `${items}/${mine[1].id}`, { method: 'PATCH', body: { isChecked: true } });
    expect(checked.body.isChecked).toBe(true);
    expect(Math.abs(Date.parse(checked.body.checkedDateTime) - Date.now())).toBeLessThan(60_000);
    const after = (await graph(sb, adele, `${base}/${expenses.id}`)).body;
    expect(after['@odata.etag']).not.toBe(expenses['@odata.etag']);
    expect((await graph(sb, adele, `${items}/${added.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, adele, items)).body.value.map((c: any) => [c.displayName, c.isChecked])).toEqual([['Collect the receipts', true], ['Scan the invoices', true]]);
    expect((await graph(sb, adele, items, { method: 'POST', body: { isChecked: true } })).status).toBe(400);

    const links = `${base}/${expenses.id}/linkedResources`;
    const link = await graph(sb, adele, links, { method: 'POST', body: { webUrl: 'https://contoso.sharepoint.com/sites/Finance/Shared%20Documents/Expenses.xlsx', applicationName: 'Excel', displayName: 'Expenses.xlsx' } });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ applicationName: 'Excel', displayName: 'Expenses.xlsx', externalId: null });
    expect((await graph(sb, adele, `${base}/${expenses.id}`)).body.linkedResources).toEqual([expect.objectContaining({ id: link.body.id })]);
    const renamed = await graph(sb, adele, `${links}/${link.body.id}`, { method: 'PATCH', body: { displayName: 'Expenses (March).xlsx' } });
    expect(renamed.body.displayName).toBe('Expenses (March).xlsx');
    expect((await graph(sb, adele, `${links}/${link.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, adele, links)).body.value).toEqual([]);
    // A PATCH of the task cannot replace them: they are collections of their own.
    expect((await graph(sb, adele, `${base}/${expenses.id}`, { method: 'PATCH', body: { checklistItems: [] } })).status).toBe(400);
  });

  it('answers with To Do\'s errors and asks for the Tasks permissions', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const { tasks, flagged } = await listsOf(adele);
    const base = `/me/todo/lists/${tasks.id}/tasks`;
    const cases: [unknown, number, string][] = [
      [{ title: 'x', colour: 'red' }, 400, 'RequestBodyRead'],
      [{ title: 'x', status: 'finished' }, 400, 'RequestBodyRead'],
      [{ title: 'x', dueDateTime: { dateTime: '2026-11-05T00:00:00', timeZone: 'Mars Standard Time' } }, 400, 'TimeZoneNotSupportedException'],
      [{ title: 'x', recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-11-05' } } }, 400, 'ErrorPropertyValidationFailure'],
      [{ title: null }, 400, 'ErrorInvalidRequest'],
    ];
    for (const [body, status, code] of cases) {
      const r = await graph(sb, adele, base, { method: 'POST', body });
      expect([r.status, r.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await graph(sb, adele, `/me/todo/lists/${flagged.id}/tasks`, { method: 'POST', body: { title: 'x' } })).status).toBe(400);
    expect((await graph(sb, adele, '/me/todo/lists/AAMkAGLnope/tasks')).body.error.code).toBe('ErrorItemNotFound');

    const mailOnly = await sb.graphAs(ADELE, 'Mail.Read');
    const denied = await graph(sb, mailOnly, '/me/todo/lists');
    expect([denied.status, denied.body.error.code]).toEqual([403, 'ErrorAccessDenied']);
    const readOnly = await sb.graphAs(ADELE, 'Tasks.Read');
    expect((await graph(sb, readOnly, base, { method: 'POST', body: { title: 'x' } })).status).toBe(403);
    expect((await graph(sb, adele, `/users/${PATTI}/todo/lists`)).status).toBe(403);
    // Each person has their own lists.
    const pradeep = await listsOf(await sb.graphAs(PRADEEP, 'Tasks.Read'));
    expect(pradeep.tasks.id).not.toBe(tasks.id);
    expect(pradeep.mine.displayName).toBe(SEEDED_TODO_TEAM_LISTS.Engineering.name);
  });
});
