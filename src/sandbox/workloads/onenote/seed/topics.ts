// What the seeded meeting notes talk about: agendas by department, action items, decisions, one-to-one topics and
// the customer calls of the sales team (the partners of the contacts seed: Northwind, Fabrikam, Tailspin...).

export const AGENDAS: Record<string, string[]> = {
  Sales: ['Pipeline review', 'Holiday window displays', 'Store visit schedule', 'Quarterly targets', 'Fabrikam renewal'],
  Marketing: ['Campaign calendar', 'Holiday creative review', 'Social media results', 'Press release drafts'],
  Engineering: ['Sprint review', 'Release readiness', 'On-call hand-over', 'Architecture decisions'],
  Finance: ['Month-end close', 'Forecast update', 'Audit preparation', 'Expense policy'],
  Operations: ['Warehouse capacity', 'Carrier performance', 'Store stock levels', 'Safety review'],
  IT: ['Device roll-out', 'Service desk backlog', 'Security patches', 'License renewals'],
  Default: ['Priorities for the week', 'Budget and hiring', 'Customer escalations', 'Team updates'],
};

export const ACTIONS = [
  'Send the updated forecast',
  'Confirm the display kit delivery dates',
  'Book the room for the quarterly review',
  'Share the meeting notes with the regional leads',
  'Draft the customer newsletter',
  'Follow up on the open invoices',
  'Update the project tracker',
  'Prepare the training plan',
];

export const DECISIONS = [
  'The holiday displays go live in every store on the same day.',
  'Weekly syncs move to 30 minutes.',
  'The Fabrikam proposal goes out with the volume discount.',
  'Travel for the regional review is approved.',
  'The new reporting template is used from next month.',
  'Hiring for the open role starts now.',
];

export const ONE_ON_ONE = ['Career goals for next year', 'Feedback on the regional review', 'Training budget', 'Workload and priorities', 'Mentoring a new colleague'];

export interface CustomerCall {
  customer: string;
  contact: string;
  notes: string[];
  next: string;
}

export const CUSTOMERS: CustomerCall[] = [
  { customer: 'Northwind Traders', contact: 'Ravi Shankar', notes: ['Wants the spring catalogue early', 'Asked about volume pricing'], next: 'Send the price list by Friday' },
  { customer: 'Fabrikam Logistics', contact: 'Sofia Lindqvist', notes: ['Delivery windows for the holiday season', 'New warehouse opens in March'], next: 'Share the delivery schedule' },
  { customer: 'Tailspin Toys', contact: 'Kenji Watanabe', notes: ['Interested in the display kit', 'Budget approval next month'], next: 'Demo the display kit' },
  { customer: 'Adventure Works Outdoor', contact: 'Matteo Ricci', notes: ['Co-marketing for the winter range'], next: 'Draft a joint campaign' },
  { customer: 'Coho Winery', contact: 'Lucas Moreau', notes: ['Holiday party venue confirmed', 'Wine list for 80 guests'], next: 'Confirm the guest count' },
  { customer: 'Wingtip Toys', contact: 'Diego Alvarez', notes: ['Category review in January', 'Shelf space for new lines'], next: 'Send the planogram' },
  { customer: 'Fourth Coffee', contact: 'Isabel Costa', notes: ['Coffee corners in two more stores'], next: 'Visit the Bellevue store together' },
  { customer: 'Relecloud', contact: 'Mei Chen', notes: ['Point-of-sale integration questions'], next: 'Set up a call with IT' },
  { customer: 'Lucerne Publishing', contact: 'Jonas Berg', notes: ['Catalogue photography dates'], next: 'Book the photographer' },
  { customer: 'Alpine Ski House', contact: 'Thabo Nkosi', notes: ['Wholesale terms for the ski season', 'Asked for a sample order'], next: 'Ship the samples' },
];
