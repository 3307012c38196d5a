// Planner as its service keeps it: plans in Microsoft 365 groups, buckets in plans, tasks in buckets, and beside
// each plan and task a details resource of its own (with its own ETag): a plan's category names and who it is
// shared with, a task's description, checklist and references. Assignments, checklist items and references are
// keyed maps (open types in Graph), ordered by order hints.

import type { Stamp } from '../../odata/collection.js';

/** Who did something: a user, and the app they used (createdBy of a plan). */
export interface Actor {
  userId: string;
  appId?: string;
}

export interface StoredPlanDetails {
  changeKey: string;
  /** category1..category25: the label names. */
  categoryDescriptions: Record<string, string | null>;
  /** User id -> true. */
  sharedWith: Record<string, boolean>;
}

export interface StoredPlan extends Stamp {
  title: string;
  /** The group the plan lives in (its container). */
  groupId: string;
  createdBy: Actor;
  details: StoredPlanDetails;
}

export interface StoredBucket extends Stamp {
  name: string;
  planId: string;
  orderHint: string;
}

export interface StoredAssignment {
  assignedBy: string;
  assignedDateTime: string;
  orderHint: string;
}

export interface StoredChecklistItem {
  title: string;
  isChecked: boolean;
  orderHint: string;
  lastModifiedBy: string;
  lastModifiedDateTime: string;
}

export interface StoredReference {
  alias: string | null;
  type: string | null;
  previewPriority: string;
  lastModifiedBy: string;
  lastModifiedDateTime: string;
}

export type PreviewType = 'automatic' | 'noPreview' | 'checklist' | 'description' | 'reference';

export interface StoredTaskDetails {
  changeKey: string;
  description: string;
  previewType: PreviewType;
  /** By checklist item id (a GUID the client chooses). */
  checklist: Record<string, StoredChecklistItem>;
  /** By the reference's URL, encoded as Planner keys it (% . : @ # escaped). */
  references: Record<string, StoredReference>;
}

export interface StoredTask extends Stamp {
  planId: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  assigneePriority: string;
  percentComplete: number;
  priority: number;
  startDateTime: string | null;
  dueDateTime: string | null;
  completedDateTime: string | null;
  completedBy: string | null;
  createdBy: Actor;
  conversationThreadId: string | null;
  previewType: PreviewType;
  /** category1..category25 -> true. */
  appliedCategories: Record<string, boolean>;
  /** By assignee's user id. */
  assignments: Record<string, StoredAssignment>;
  details: StoredTaskDetails;
}

export interface PlannerState {
  plans: StoredPlan[];
  buckets: StoredBucket[];
  tasks: StoredTask[];
}
