// What a client may send for a Planner task, checked as Planner checks it: a title, the plan and bucket, order
// hints (resolved later against their siblings), percentComplete 0..100, priority 0..10, date-times with an
// offset, and the open-type maps: appliedCategories (category1..category25 -> true/false) and assignments keyed by
// user id, each `{"@odata.type": "#microsoft.graph.plannerAssignment", "orderHint": ...}` or null to unassign.

import type { Setter } from '../../odata/collection.js';

export const text: Setter = (v, fail) => (typeof v === 'string' ? v : fail('a string is expected'));
const int = (min: number, max: number): Setter => (v, fail) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? v : fail(`a whole number from ${min} to ${max} is expected`));
const instant: Setter = (v, fail) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(Date.parse(v))) return fail('a date and time with an offset (Edm.DateTimeOffset) is expected');
  return new Date(Date.parse(v)).toISOString().replace('.000Z', 'Z');
};
export const previewType: Setter = (v, fail) =>
  ['automatic', 'noPreview', 'checklist', 'description', 'reference'].find((p) => typeof v === 'string' && p.toLowerCase() === v.toLowerCase()) ?? fail(`'${String(v)}' is not a member of microsoft.graph.plannerPreviewType`);

export const CATEGORY = /^category([1-9]|1\d|2[0-5])$/;

/** An open-type map: every value of the right @odata.type (or null to remove it), keys as `key` allows. */
export function openMap(type: string | null, key: (k: string) => boolean, keyWhat: string, check?: (v: Record<string, unknown>) => string | undefined): Setter {
  return (v, fail) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(`an object of ${type ?? 'Boolean values'} is expected`);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (!key(k)) return fail(`'${k}' is not ${keyWhat}`);
      if (x === null) continue;
      if (type === null) {
        if (typeof x !== 'boolean') return fail(`'${k}' must be true or false`);
        continue;
      }
      const entry = x as Record<string, unknown>;
      // Graph's documentation writes the type both ways ("#microsoft.graph.x" in answers, "microsoft.graph.x" in the
      // plannerChecklistItems examples); Planner takes either.
      if (typeof entry !== 'object' || String(entry['@odata.type']).replace(/^#/, '') !== `microsoft.graph.${type}`) return fail(`'${k}' must be a microsoft.graph.${type} with its @odata.type`);
      const wrong = check?.(entry);
      if (wrong) return fail(`'${k}': ${wrong}`);
    }
    return v;
  };
}

const isUserId = (k: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(k);

export const TASK_SETTERS: Record<string, Setter> = {
  title: text,
  planId: text,
  bucketId: text,
  orderHint: text,
  assigneePriority: text,
  percentComplete: int(0, 100),
  priority: int(0, 10),
  startDateTime: instant,
  dueDateTime: instant,
  conversationThreadId: text,
  previewType,
  appliedCategories: openMap(null, (k) => CATEGORY.test(k), 'a category (category1 to category25)'),
  assignments: openMap('plannerAssignment', isUserId, "a user's id", (a) => (typeof a.orderHint === 'string' ? undefined : 'an assignment needs an orderHint')),
};

/** Read-only properties a client may echo back; Planner ignores them. */
export const TASK_IGNORED = ['id', 'createdDateTime', 'createdBy', 'completedBy', 'completedDateTime', 'hasDescription', 'referenceCount', 'checklistItemCount', 'activeChecklistItemCount'];
