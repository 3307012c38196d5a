// The seed clock the Exchange seeds count from (calendar, mail, To Do): the tenant's, shared with the workloads
// outside the Exchange family (../../../seed-clock.ts).

export { calendarAnchorWeek, mailSeedEpoch } from '../../../seed-clock.js';
