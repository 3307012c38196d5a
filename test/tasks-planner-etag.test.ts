// Which fields of a Planner change clash with what someone else changed meanwhile: plain fields by value, the open
// maps (assignments, checklist) only in the keys the change sets, so unrelated changes never block a retry.
import { describe, expect, it } from 'vitest';
import { changedMeanwhile } from '../src/tools/tasks/planner-etag.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const assigned = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, { orderHint: ' !' }]));

describe('changedMeanwhile', () => {
  it('compares the plain fields a change sets, by value', () => {
    const before = { bucketId: 'b1', title: 'Balloons', percentComplete: 0 };
    expect(changedMeanwhile(before, { ...before, title: 'Blue balloons' }, { bucketId: 'b2' })).toEqual([]);
    expect(changedMeanwhile(before, { ...before, bucketId: 'b3' }, { bucketId: 'b2' })).toEqual(['bucketId']);
    expect(changedMeanwhile(before, { ...before, percentComplete: 100 }, { bucketId: 'b2', percentComplete: 50 })).toEqual(['percentComplete']);
    expect(changedMeanwhile({ dueDateTime: null }, {}, { dueDateTime: '2026-11-12T08:00:00Z' })).toEqual([]);
  });

  it('compares an assignment only for the people the change assigns or unassigns', () => {
    const before = { assignments: assigned(A) };
    // Someone assigned B meanwhile; our change unassigns A: no clash.
    expect(changedMeanwhile(before, { assignments: assigned(A, B) }, { assignments: { [A]: null } })).toEqual([]);
    // Someone unassigned A meanwhile, and ours unassigns A too: that is a clash to report, not to repeat.
    expect(changedMeanwhile(before, { assignments: {} }, { assignments: { [A]: null } })).toEqual([`assignments.${A}`]);
    // A new order hint of an assignment (someone reordered their own list) is no clash.
    expect(changedMeanwhile(before, { assignments: { [A]: { orderHint: 'x' } } }, { assignments: { [A]: null } })).toEqual([]);
  });

  it('lets new checklist items through whatever else changed, but not an item someone changed', () => {
    const before = { description: 'd', checklist: { k1: { title: 'Order', isChecked: false } } };
    expect(changedMeanwhile(before, { description: 'other', checklist: { k1: { title: 'Order', isChecked: true } } }, { checklist: { k2: { title: 'Pay' } } })).toEqual([]);
    expect(changedMeanwhile(before, { ...before, checklist: { k1: { title: 'Order', isChecked: true } } }, { checklist: { k1: null } })).toEqual(['checklist.k1']);
    expect(changedMeanwhile(before, { ...before, description: 'other' }, { description: 'mine' })).toEqual(['description']);
  });
});
