// To Do tasks that follow something else, over real HTTP: a recurring series continued when one of its tasks is
// completed (next due date by the pattern, numbered ranges counted down), and the Flagged email list, which mirrors
// flagged mail and sets the flag from the task (graph-todo.test.ts has the lists and tasks themselves).
import { describe, expect, it } from 'vitest';
import { ADELE, addDays, allPages, graph, PACIFIC, todoLists, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const RW = 'Tasks.ReadWrite';
const enc = encodeURIComponent;
const listsOf = (who: Awaited<ReturnType<typeof sb.graphAs>>) => todoLists(sb, who);

describe('To Do series and flagged mail', () => {
  it('continues a recurring series when one task of it is completed', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const { tasks } = await listsOf(adele);
    const base = `/me/todo/lists/${tasks.id}/tasks`;
    const [seeded] = await allPages(sb, adele, `${base}?$filter=${enc("title eq 'Submit the weekly status report'")}`, PACIFIC);
    expect(seeded.recurrence.pattern).toMatchObject({ type: 'weekly', interval: 1, daysOfWeek: ['friday'] });
    expect(seeded.dueDateTime.dateTime).toBe(`${addDays(sb.thisWeek, 4)}T00:00:00.0000000`);

    // A series of the test's own: every second Tuesday, three times.
    const tuesday = addDays(sb.thisWeek, 1);
    const made = await graph(sb, adele, base, {
      method: 'POST',
      headers: PACIFIC,
      body: {
        title: 'Water the office plants',
        dueDateTime: { dateTime: `${tuesday}T00:00:00`, timeZone: 'Pacific Standard Time' },
        reminderDateTime: { dateTime: `${tuesday}T08:00:00`, timeZone: 'Pacific Standard Time' },
        recurrence: { pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'] }, range: { type: 'numbered', startDate: tuesday, numberOfOccurrences: 3 } },
      },
    });
    expect(made.status).toBe(201);
    expect(made.body.recurrence.range).toMatchObject({ type: 'numbered', numberOfOccurrences: 3, endDate: '0001-01-01' });
    const series = () => allPages(sb, adele, `${base}?$filter=${enc("title eq 'Water the office plants'")}&$orderby=dueDateTime/dateTime`, PACIFIC);
    const done = await graph(sb, adele, `${base}/${made.body.id}`, { method: 'PATCH', headers: PACIFIC, body: { status: 'completed' } });
    expect(done.body.recurrence).toBeUndefined();
    const [, next] = await series();
    expect(next).toMatchObject({ status: 'notStarted', isReminderOn: true });
    expect(next.dueDateTime.dateTime).toBe(`${addDays(tuesday, 14)}T00:00:00.0000000`);
    expect(next.reminderDateTime.dateTime).toBe(`${addDays(tuesday, 14)}T08:00:00.0000000`);
    expect(next.recurrence.range.numberOfOccurrences).toBe(2);
    await graph(sb, adele, `${base}/${next.id}`, { method: 'PATCH', body: { status: 'completed' } });
    const [, , last] = await series();
    expect(last.dueDateTime.dateTime).toBe(`${addDays(tuesday, 28)}T00:00:00.0000000`);
    expect(last.recurrence.range.numberOfOccurrences).toBe(1);
    // The third was the last.
    await graph(sb, adele, `${base}/${last.id}`, { method: 'PATCH', body: { status: 'completed' } });
    expect(await series()).toHaveLength(3);
  });

  it('shows flagged mail in the Flagged email list, and sets the flag from the task', async () => {
    const adele = await sb.graphAs(ADELE, `${RW} Mail.ReadWrite Mail.Send`);
    const { flagged } = await listsOf(adele);
    const base = `/me/todo/lists/${flagged.id}/tasks`;
    const seeded = await allPages(sb, adele, base);
    const forecast = seeded.find((t) => t.title === 'Q4 retail forecast - please review by Friday');
    expect(forecast).toMatchObject({ status: 'notStarted', importance: 'high', categories: ['Red category'] });
    expect(forecast.linkedResources[0]).toMatchObject({ applicationName: 'Outlook', displayName: forecast.title });
    const message = await graph(sb, adele, `/me/messages/${forecast.linkedResources[0].externalId}?$select=flag,webLink`);
    expect(message.body.flag.flagStatus).toBe('flagged');
    expect(forecast.linkedResources[0].webUrl).toBe(message.body.webLink);
    expect(forecast.dueDateTime.dateTime.slice(0, 10)).toBe(message.body.flag.dueDateTime.dateTime.slice(0, 10));

    // A message of the test's own: sent to herself, then flagged.
    const subject = `Flag me ${Date.now()}`;
    expect((await graph(sb, adele, '/me/sendMail', { method: 'POST', body: { message: { subject, body: { contentType: 'text', content: 'x' }, toRecipients: [{ emailAddress: { address: ADELE } }] } } })).status).toBe(202);
    const [mail] = (await graph(sb, adele, `/me/mailFolders/inbox/messages?$filter=${enc(`subject eq '${subject}'`)}`)).body.value;
    await graph(sb, adele, `/me/messages/${mail.id}`, { method: 'PATCH', body: { flag: { flagStatus: 'flagged' } } });
    const task = (await allPages(sb, adele, base)).find((t) => t.title === subject);
    expect(task.linkedResources[0].externalId).toBe(mail.id);
    expect((await graph(sb, adele, `${base}/${task.id}`)).body['@odata.etag']).toBe(task['@odata.etag']);

    expect((await graph(sb, adele, `${base}/${task.id}`, { method: 'PATCH', body: { title: 'renamed' } })).status).toBe(400);
    const done = await graph(sb, adele, `${base}/${task.id}`, { method: 'PATCH', headers: { 'If-Match': task['@odata.etag'] }, body: { status: 'completed' } });
    expect(done.body.status).toBe('completed');
    expect((await graph(sb, adele, `/me/messages/${mail.id}?$select=flag`)).body.flag.flagStatus).toBe('complete');
    expect((await graph(sb, adele, `${base}/${task.id}`)).body['@odata.etag']).toBe(done.body['@odata.etag']);
    expect((await graph(sb, adele, `${base}/${task.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, adele, `/me/messages/${mail.id}?$select=flag`)).body.flag.flagStatus).toBe('notFlagged');
    expect((await allPages(sb, adele, base)).some((t) => t.title === subject)).toBe(false);
  });
});
