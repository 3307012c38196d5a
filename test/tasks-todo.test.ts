// The To Do tools through a real MCP client against the sandbox, signed in as Adele (Pacific time): a task made from
// a mail with its due day and reminder in her zone, found among "due this week", completed and reopened; lists and
// paging across lists; a recurring task; delete; and bad input whose advice is followed. The sandbox's state is
// checked after each write.
import { Client } from '@modelcontextprotocol/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, addDays, type Connected, fails, graph, ok, PACIFIC, todoLists, useSandbox } from './fixtures.js';
import { SEEDED_TODO_TASKS } from '../src/sandbox/testing.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Task = { id: string; title: string; list: string; status: string; due?: string; reminder?: string; importance?: string; repeats?: string; notes?: string; checklist?: string[]; links?: string[] };
type Listed = { tasks: Task[]; total: number; timeZone: string; nextCursor?: string; lists?: { id: string; name: string }[] };
const state = async (path: string) => graph(sandbox, await sandbox.graphAs(ADELE, 'Tasks.Read'), path, { headers: PACIFIC });

describe('To Do tasks', () => {
  it('makes a task from a mail, due in her zone with a reminder, finds it among "due this week", completes and reopens it', async () => {
    const [mail] = (await ok<{ messages: { id: string; subject: string }[] }>(adele, 'mail_list_messages', { limit: 1 })).messages;
    const message = await ok<{ webLink: string; subject: string }>(adele, 'mail_get_message', { id: mail.id });
    const thursday = addDays(sandbox.thisWeek, 3);
    const sunday = addDays(sandbox.thisWeek, 6);
    const made = await ok<Task & { created: boolean }>(adele, 'tasks_save', {
      title: `Answer: ${message.subject}`, notes: 'Reply with the updated figures.', due: thursday, reminder: `${thursday}T09:30`, importance: 'high',
      checklist: ['Check the figures', 'Ask Megan'], link: message.webLink, linkTitle: message.subject,
    });
    expect(made).toMatchObject({ created: true, list: 'Tasks', status: 'notStarted', due: thursday, reminder: `${thursday}T09:30`, importance: 'high', notes: 'Reply with the updated figures.' });
    expect(made.checklist).toEqual(['[ ] Check the figures', '[ ] Ask Megan']);
    expect(made.links).toEqual([message.webLink]);

    const { tasks: defaultList } = await todoLists(sandbox, await sandbox.graphAs(ADELE, 'Tasks.Read'));
    const stored = (await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}`)).body;
    expect(stored.dueDateTime).toEqual({ dateTime: `${thursday}T00:00:00.0000000`, timeZone: 'Pacific Standard Time' });
    expect(stored.reminderDateTime).toEqual({ dateTime: `${thursday}T09:30:00.0000000`, timeZone: 'Pacific Standard Time' });
    expect(stored).toMatchObject({ isReminderOn: true, importance: 'high', body: { content: 'Reply with the updated figures.' } });
    const links = (await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}/linkedResources`)).body.value;
    expect(links).toEqual([expect.objectContaining({ webUrl: message.webLink, applicationName: 'Outlook', displayName: message.subject })]);

    // Due this week: hers, the seeded ones due by Sunday and the overdue ones, soonest first; nothing done.
    const week = await ok<Listed>(adele, 'tasks_list', { dueBy: sunday, limit: 100 });
    expect(week.timeZone).toBe('Pacific Standard Time');
    const titles = week.tasks.map((t) => t.title);
    expect(titles).toContain(made.title);
    expect(titles).toEqual(expect.arrayContaining(['Complete the security awareness training', 'Submit the weekly status report', 'Submit the expense report for last month']));
    expect(titles).not.toContain('Book travel for the regional offsite');
    expect(titles).not.toContain('Read the updates on the team site'); // due next Monday
    const dues = week.tasks.map((t) => t.due!);
    expect(dues.every((d) => d <= sunday)).toBe(true);
    expect([...dues].sort()).toEqual(dues);
    expect(week.textBlock).toContain(`Answer: ${message.subject} [Tasks] open, due ${thursday}, high importance, reminder ${thursday}T09:30`);

    const done = await ok<Task>(adele, 'tasks_save', { id: made.id, status: 'done' });
    expect(done.status).toBe('completed');
    expect((await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}`)).body.status).toBe('completed');
    expect((await ok<Listed>(adele, 'tasks_list', { dueBy: sunday, limit: 100 })).tasks.map((t) => t.id)).not.toContain(made.id);
    expect((await ok<Listed>(adele, 'tasks_list', { status: 'done', list: 'Tasks' })).tasks.map((t) => t.id)).toContain(made.id);

    const reopened = await ok<Task>(adele, 'tasks_save', { id: made.id, status: 'open', checklist: ['Send it'] });
    expect(reopened.status).toBe('notStarted');
    expect(reopened.checklist).toEqual(['[ ] Check the figures', '[ ] Ask Megan', '[ ] Send it']);
    expect((await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}`)).body.status).toBe('notStarted');
    // The same items and link again (a call repeated after a lost answer): nothing is added twice.
    const repeated = await ok<Task>(adele, 'tasks_save', { id: made.id, checklist: ['Send it'], link: message.webLink });
    expect(repeated.checklist).toEqual(['[ ] Check the figures', '[ ] Ask Megan', '[ ] Send it']);
    expect((await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}/linkedResources`)).body.value).toHaveLength(1);

    // Deleting asks first, naming the task: a no keeps it, a yes deletes it.
    const questions: string[] = [];
    let answer: 'decline' | 'accept' = 'decline';
    const client = new Client({ name: 'asking', version: '1' }, { capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler('elicitation/create', async (req) => {
      questions.push(String((req.params as { message: string }).message));
      return answer === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
    });
    const asking = await sandbox.as(ADELE, undefined, { client });
    await asking.client.callTool({ name: 'tasks_delete', arguments: { id: made.id } });
    expect(questions).toEqual([`Delete the To Do task "Answer: ${message.subject}" from Tasks. It cannot be restored with these tools. Go ahead?`]);
    expect((await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}`)).status).toBe(200);
    answer = 'accept';
    await ok(asking, 'tasks_delete', { id: made.id });
    expect((await state(`/me/todo/lists/${defaultList.id}/tasks/${made.id}`)).status).toBe(404);
  });

  it('lists the lists, pages through every list with a cursor, and keeps to one list or important ones', async () => {
    const lists = await ok<Listed>(adele, 'tasks_list', { lists: true });
    expect(lists.lists!.map((l) => l.name)).toEqual(expect.arrayContaining(['Tasks', 'Flagged email', 'Customer follow-ups']));
    const all = await ok<Listed>(adele, 'tasks_list', { status: 'all', limit: 100 });
    expect(all.tasks.filter((t) => t.list === 'Tasks').map((t) => t.title).sort()).toEqual(SEEDED_TODO_TASKS.map((t) => t.title).sort());
    expect(all.tasks.some((t) => t.list === 'Customer follow-ups')).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Listed = await ok<Listed>(adele, 'tasks_list', { status: 'all', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.tasks.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.tasks.map((t) => t.id));

    const important = await ok<Listed>(adele, 'tasks_list', { important: true, list: 'customer follow-ups' });
    expect(important.tasks.map((t) => t.title)).toEqual(['Send the Fabrikam quote']);
    const overdue = await ok<Listed>(adele, 'tasks_list', { dueBy: addDays(sandbox.thisWeek, -1), list: 'Tasks' });
    expect(overdue.tasks.map((t) => t.title)).toEqual(['Submit the expense report for last month', 'Update the project tracker']);
    expect(overdue.tasks[0].checklist).toEqual(['[x] Collect the receipts', '[ ] Scan the hotel invoice', '[ ] Fill in the expense form']);
  });

  it('makes a recurring task in a new list, and says what to do with bad input', async () => {
    const friday = addDays(sandbox.thisWeek, 4);
    expect(await fails(adele, 'tasks_save', { title: 'Water the plants', repeat: 'weekly' })).toMatch(/repeat needs a due day.*give due too/);
    expect(await fails(adele, 'tasks_save', { title: 'Water the plants', due: 'next friday', repeat: 'weekly' })).toMatch(/"next friday" is not a date-time/);
    expect(await fails(adele, 'tasks_save', { title: 'Water the plants', due: `${friday}T10:00`, repeat: 'weekly' })).toMatch(/must be a date like 2026-11-12/);
    const made = await ok<Task & { listMade?: boolean }>(adele, 'tasks_save', { title: 'Water the plants', due: friday, repeat: 'weekly', list: 'Home' });
    expect(made).toMatchObject({ list: 'Home', listMade: true, due: friday, repeats: `every week on friday from ${friday}` });
    const home = (await todoLists(sandbox, await sandbox.graphAs(ADELE, 'Tasks.Read'))).all.find((l: { displayName: string }) => l.displayName === 'Home');
    const stored = (await state(`/me/todo/lists/${home.id}/tasks/${made.id}`)).body;
    expect(stored.recurrence).toMatchObject({ pattern: { type: 'weekly', interval: 1, daysOfWeek: ['friday'] }, range: { type: 'noEnd', startDate: friday } });

    expect(await fails(adele, 'tasks_list', { list: 'Nope' })).toMatch(/no To Do list "Nope".*Lists: .*Home.*leave out list/);
    expect((await ok<Listed>(adele, 'tasks_list', {})).tasks.map((t) => t.id)).toContain(made.id);
    const first = await ok<Listed>(adele, 'tasks_list', { limit: 1 });
    expect(await fails(adele, 'tasks_list', { important: true, cursor: first.nextCursor })).toMatch(/leave out cursor/);
    expect(await fails(adele, 'tasks_save', { id: made.id })).toMatch(/Nothing to change/);
    expect(await fails(adele, 'tasks_save', { id: 'AAkALgAAAAAAHYQDTnope' , title: 'x' })).toMatch(/No To Do task has the id .*tasks_list/);
    expect(await fails(adele, 'tasks_save', { id: made.id, list: 'Tasks', title: 'x' })).toMatch(/list applies to new tasks only/);
    await ok(adele, 'tasks_delete', { id: made.id });
  });

  it('says its days are in UTC when her zone cannot be read (no calendar permission), and shows them so', async () => {
    const noCalendar = await sandbox.as(ADELE, { MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLE_CALENDAR: 'false' });
    const training = (await ok<Listed>(noCalendar, 'tasks_list', { list: 'Tasks', important: true })).tasks.find((t) => t.title === 'Complete the security awareness training')!;
    // Midnight in Pacific time is 07:00 or 08:00 UTC of the same day.
    expect(training.due).toBe(addDays(sandbox.thisWeek, 2));
    expect((await ok<Listed>(noCalendar, 'tasks_list', { list: 'Tasks' })).textBlock).toMatch(/times in UTC/);
  });
});
