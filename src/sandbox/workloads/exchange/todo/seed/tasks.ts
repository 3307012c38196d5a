// What the To Do seed gives each person: everyday tasks in the default "Tasks" list (a weekly report that recurs,
// mandatory training due this week, an overdue expense report with its checklist, travel booked and done last
// week, a team-site link, a task with no date) and a list of their department's own. Days count from the Monday of
// the anchor week (seed-clock.ts): 0 is this Monday, -4 last Thursday, 7 next Monday.

import type { Importance, TaskStatus } from '../model.js';

export interface SeedTask {
  title: string;
  /** Days from the anchor Monday; due at midnight in the person's zone, as To Do dates are. */
  due?: number;
  /** Day and local time of the reminder. */
  reminder?: { day: number; time: string };
  status?: TaskStatus;
  /** Day and local time of completion (status completed). */
  completed?: { day: number; time: string };
  importance?: Importance;
  categories?: string[];
  body?: string;
  /** Recurs every week on the due date's weekday. */
  weekly?: boolean;
  checklist?: [string, boolean][];
  /** A link to the person's department site (the file or page the task came from). */
  linkToTeamSite?: boolean;
}

export const EVERYONE: SeedTask[] = [
  { title: 'Submit the weekly status report', due: 4, reminder: { day: 4, time: '09:00' }, weekly: true, categories: ['Reporting'] },
  {
    title: 'Complete the security awareness training', due: 2, importance: 'high', categories: ['Compliance'],
    body: 'Mandatory for everyone this week: the 20-minute module in the learning portal, then the short quiz.',
  },
  {
    title: 'Submit the expense report for last month', due: -4, reminder: { day: -5, time: '16:00' },
    checklist: [['Collect the receipts', true], ['Scan the hotel invoice', false], ['Fill in the expense form', false]],
  },
  { title: 'Book travel for the regional offsite', due: -7, status: 'completed', completed: { day: -6, time: '15:20' } },
  { title: 'Read the updates on the team site', due: 7, status: 'inProgress', linkToTeamSite: true },
  { title: 'Renew the parking permit', importance: 'low' },
  { title: 'Update the project tracker', due: -1, status: 'inProgress', importance: 'high' },
];

/** The department's own list, by department; everyone else gets "Personal". */
export const TEAM_LISTS: Record<string, { name: string; tasks: SeedTask[] }> = {
  Sales: {
    name: 'Customer follow-ups',
    tasks: [
      { title: 'Call Northwind Traders back about the reorder', due: 1, reminder: { day: 1, time: '10:30' } },
      { title: 'Send the Fabrikam quote', due: 3, importance: 'high', body: 'Include the volume discount agreed on the call.' },
    ],
  },
  Engineering: {
    name: 'Release checklist',
    tasks: [
      { title: 'Review the open pull requests', due: 0, status: 'completed', completed: { day: 0, time: '17:45' } },
      { title: 'Update the release notes', due: 4, checklist: [['New features', false], ['Fixed issues', false]] },
    ],
  },
  Marketing: {
    name: 'Campaign ideas',
    tasks: [
      { title: 'Draft the spring newsletter', due: 3 },
      { title: 'Collect photos for the launch page', importance: 'low' },
    ],
  },
  Finance: {
    name: 'Month-end close',
    tasks: [
      { title: 'Reconcile the bank statements', due: 2, importance: 'high' },
      { title: 'Review the accruals', due: 4, status: 'waitingOnOthers' },
    ],
  },
};

export const PERSONAL: { name: string; tasks: SeedTask[] } = {
  name: 'Personal',
  tasks: [
    { title: 'Pick up the new badge at reception', due: 1 },
    { title: 'Plan the team lunch', status: 'deferred' },
  ],
};
