// To Do against Microsoft's description of Graph: every list, task, checklist item and linked resource the sandbox
// answers with has only properties of its CSDL type, well typed (in UTC and in a zone the client asks for), and the
// answers have the status codes and keys of the documented samples of these routes.
import { describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples, documentedKeys as documentedKeysOf } from './csdl.js';
import { ADELE, allPages, graph, PACIFIC, PRADEEP, useSandbox } from '../fixtures.js';

const csdl = Csdl.load();
const samples = loadSamples();
const sb = useSandbox();

const sampleOf = (method: string, url: string) => findSample(samples, method, url).response;
const documentedKeys = (method: string, url: string) => documentedKeysOf(samples, method, url);
const hasKeys = (obj: Record<string, unknown>, method: string, url: string) => {
  for (const k of documentedKeys(method, url)) expect(obj, `${method} ${url}: ${k}`).toHaveProperty(k);
};

/** A task's problems: its own properties against todoTask, its inline linked resources against linkedResource. */
function taskProblems(t: Record<string, unknown>): string[] {
  const links = (t.linkedResources ?? []) as Record<string, unknown>[];
  return [...csdl.problems('microsoft.graph.todoTask', t, ['linkedResources']), ...links.flatMap((l) => csdl.problems('microsoft.graph.linkedResource', l))];
}

describe('To Do against the CSDL and the documented samples', () => {
  it('seeded lists, tasks, checklist items and linked resources of two people, in UTC and in Pacific time', async () => {
    for (const who of [ADELE, PRADEEP]) {
      const me = await sb.graphAs(who, 'Tasks.Read');
      const lists = await graph(sb, me, '/me/todo/lists');
      expect(lists.status).toBe(sampleOf('GET', '/me/todo/lists').statusCode);
      for (const l of lists.body.value) {
        expect(csdl.problems('microsoft.graph.todoTaskList', l)).toEqual([]);
        hasKeys(l, 'GET', '/me/todo/lists');
        for (const headers of [{}, PACIFIC]) {
          const tasks = await allPages(sb, me, `/me/todo/lists/${l.id}/tasks`, headers);
          for (const t of tasks) {
            expect(taskProblems(t), t.title).toEqual([]);
            const items = (await graph(sb, me, `/me/todo/lists/${l.id}/tasks/${t.id}/checklistItems`)).body.value;
            for (const c of items) expect(csdl.problems('microsoft.graph.checklistItem', c)).toEqual([]);
          }
        }
      }
    }
    const me = await sb.graphAs(ADELE, 'Tasks.Read');
    const [tasksList] = (await graph(sb, me, '/me/todo/lists')).body.value;
    const all = await allPages(sb, me, `/me/todo/lists/${tasksList.id}/tasks`);
    const linked = all.find((t) => t.linkedResources);
    hasKeys(linked, 'GET', '/me/todo/lists/*/tasks');
    const due = all.find((t) => t.dueDateTime && t.startDateTime === undefined);
    const one = await graph(sb, me, `/me/todo/lists/${tasksList.id}/tasks/${due.id}`);
    expect(one.status).toBe(sampleOf('GET', '/me/todo/lists/*/tasks/*').statusCode);
    // The documented task has a start date; every other documented key is there.
    for (const k of documentedKeys('GET', '/me/todo/lists/*/tasks/*').filter((k) => k !== 'startDateTime')) expect(one.body).toHaveProperty(k);
    const links = await graph(sb, me, `/me/todo/lists/${tasksList.id}/tasks/${linked.id}/linkedResources`);
    expect(links.status).toBe(sampleOf('GET', '/me/todo/lists/*/tasks/*/linkedResources').statusCode);
    for (const l of links.body.value) expect(csdl.problems('microsoft.graph.linkedResource', l)).toEqual([]);
    hasKeys(links.body.value[0], 'GET', '/me/todo/lists/*/tasks/*/linkedResources');
    const withChecklist = all.find((t) => t.title.startsWith('Submit the expense'));
    const items = await graph(sb, me, `/me/todo/lists/${tasksList.id}/tasks/${withChecklist.id}/checklistItems`);
    hasKeys(items.body.value[1], 'GET', '/me/todo/lists/*/tasks/*/checklistItems');
  });

  it('writes answer with the documented status codes and keys', async () => {
    const me = await sb.graphAs(ADELE, 'Tasks.ReadWrite');
    const list = await graph(sb, me, '/me/todo/lists', { method: 'POST', body: { displayName: 'Fidelity' } });
    expect(list.status).toBe(sampleOf('POST', '/me/todo/lists').statusCode);
    expect(csdl.problems('microsoft.graph.todoTaskList', list.body)).toEqual([]);
    hasKeys(list.body, 'POST', '/me/todo/lists');
    const renamed = await graph(sb, me, `/me/todo/lists/${list.body.id}`, { method: 'PATCH', body: { displayName: 'Fidelity 2' } });
    expect(renamed.status).toBe(sampleOf('PATCH', '/me/todo/lists/*').statusCode);
    hasKeys(renamed.body, 'PATCH', '/me/todo/lists/*');

    const tasks = `/me/todo/lists/${list.body.id}/tasks`;
    const task = await graph(sb, me, tasks, { method: 'POST', body: { title: 'A new task', categories: ['Important'], linkedResources: [{ webUrl: 'http://microsoft.com', applicationName: 'Microsoft', displayName: 'Microsoft' }] } });
    expect(task.status).toBe(sampleOf('POST', '/me/todo/lists/*/tasks').statusCode);
    expect(taskProblems(task.body)).toEqual([]);
    hasKeys(task.body, 'POST', '/me/todo/lists/*/tasks');
    const patched = await graph(sb, me, `${tasks}/${task.body.id}`, { method: 'PATCH', body: { importance: 'low', dueDateTime: { dateTime: '2026-11-25T04:00:00', timeZone: 'UTC' }, recurrence: { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 25 }, range: { type: 'noEnd', startDate: '2026-11-25' } } } });
    expect(patched.status).toBe(sampleOf('PATCH', '/me/todo/lists/*/tasks/*').statusCode);
    expect(taskProblems(patched.body)).toEqual([]);
    hasKeys(patched.body, 'PATCH', '/me/todo/lists/*/tasks/*');

    const items = `${tasks}/${task.body.id}/checklistItems`;
    const item = await graph(sb, me, items, { method: 'POST', body: { displayName: 'Final sign-off from the team' } });
    expect(item.status).toBe(sampleOf('POST', '/me/todo/lists/*/tasks/*/checklistItems').statusCode);
    expect(csdl.problems('microsoft.graph.checklistItem', item.body)).toEqual([]);
    hasKeys(item.body, 'POST', '/me/todo/lists/*/tasks/*/checklistItems');
    const checked = await graph(sb, me, `${items}/${item.body.id}`, { method: 'PATCH', body: { isChecked: true } });
    expect(checked.status).toBe(sampleOf('PATCH', '/me/todo/lists/*/tasks/*/checklistItems/*').statusCode);
    expect(csdl.problems('microsoft.graph.checklistItem', checked.body)).toEqual([]);
    hasKeys(checked.body, 'PATCH', '/me/todo/lists/*/tasks/*/checklistItems/*');

    const links = `${tasks}/${task.body.id}/linkedResources`;
    const link = await graph(sb, me, links, { method: 'POST', body: { webUrl: 'http://microsoft.com', applicationName: 'Microsoft', displayName: 'Microsoft', externalId: 'dk9cddce2' } });
    expect(link.status).toBe(sampleOf('POST', '/me/todo/lists/*/tasks/*/linkedResources').statusCode);
    hasKeys(link.body, 'POST', '/me/todo/lists/*/tasks/*/linkedResources');
    expect((await graph(sb, me, `${links}/${link.body.id}`, { method: 'DELETE' })).status).toBe(sampleOf('DELETE', '/me/todo/lists/*/tasks/*/linkedResources/*').statusCode);
    expect((await graph(sb, me, `${tasks}/${task.body.id}`, { method: 'DELETE' })).status).toBe(sampleOf('DELETE', '/me/todo/lists/*/tasks/*').statusCode);
    expect((await graph(sb, me, `/me/todo/lists/${list.body.id}`, { method: 'DELETE' })).status).toBe(sampleOf('DELETE', '/me/todo/lists/*').statusCode);
  });
});
