// The team plans of the demo organization: one per department group and the Retail Launch project, each with its
// buckets, label names and tasks assigned to members (by given.surname key), due on days counted from the Monday
// of the anchor week (0 this Monday, -3 last Friday, 9 next Wednesday), some done (100), some under way (50).

export interface SeedPlannerTask {
  title: string;
  bucket: number;
  assignees: string[];
  due?: number;
  percent?: 0 | 50 | 100;
  priority?: number;
  categories?: number[];
  description?: string;
  checklist?: [string, boolean][];
  /** A link the task refers to, with its alias. */
  reference?: [string, string];
}

export interface SeedPlan {
  group: string;
  title: string;
  buckets: string[];
  labels: Record<number, string>;
  tasks: SeedPlannerTask[];
}

export const SEED_PLANS: SeedPlan[] = [
  {
    group: 'Sales',
    title: 'Sales pipeline Q4',
    buckets: ['Leads', 'Proposals', 'Won'],
    labels: { 1: 'Key account', 2: 'Renewal', 3: 'Blocked' },
    tasks: [
      { title: 'Qualify the Tailspin Toys lead', bucket: 0, assignees: ['ben.walters'], due: 2, categories: [1] },
      { title: 'Proposal for Northwind Traders', bucket: 1, assignees: ['adele.vance', 'christie.cline'], due: 3, percent: 50, priority: 1, categories: [1], description: 'Volume pricing for the spring range; legal review before sending.', checklist: [['Pricing sheet', true], ['Legal review', false], ['Send to the buyer', false]] },
      { title: 'Renewal offer for Fabrikam', bucket: 1, assignees: ['henrietta.mueller'], due: -2, categories: [2] },
      { title: 'Close the Relecloud deal', bucket: 2, assignees: ['yuki.sato'], due: -5, percent: 100 },
      { title: 'Update the forecast in the pipeline tracker', bucket: 0, assignees: ['alex.wilber'], due: 4, reference: ['https://contoso.sharepoint.com/sites/Sales', 'Sales site'] },
    ],
  },
  {
    group: 'Engineering',
    title: 'Release 4.2',
    buckets: ['Backlog', 'In progress', 'Done'],
    labels: { 1: 'Bug', 2: 'Feature', 3: 'Security' },
    tasks: [
      { title: 'Fix the sync crash on resume', bucket: 1, assignees: ['johanna.lorenz'], due: 1, percent: 50, priority: 1, categories: [1] },
      { title: 'Offline mode for the store app', bucket: 1, assignees: ['pradeep.gupta', 'hiroshi.tanaka'], due: 9, percent: 50, categories: [2], checklist: [['Design review', true], ['Local cache', false], ['Conflict handling', false]] },
      { title: 'Rotate the signing certificates', bucket: 0, assignees: ['grady.archie'], due: -1, priority: 3, categories: [3] },
      { title: 'Write the 4.2 release notes', bucket: 0, assignees: ['lynne.robbins'], due: 4 },
      { title: 'Upgrade the build agents', bucket: 2, assignees: ['grady.archie'], due: -4, percent: 100 },
    ],
  },
  {
    group: 'Marketing',
    title: 'Spring campaign',
    buckets: ['Ideas', 'Production', 'Published'],
    labels: { 1: 'Social', 2: 'Print', 3: 'Video' },
    tasks: [
      { title: 'Storyboard the launch video', bucket: 1, assignees: ['emily.braun'], due: 2, percent: 50, categories: [3] },
      { title: 'Book the print slots', bucket: 1, assignees: ['allan.deyoung'], due: -1, categories: [2] },
      { title: 'Social posts for launch week', bucket: 0, assignees: ['priya.nair', 'miriam.graham'], due: 8, categories: [1] },
      { title: 'Publish the teaser', bucket: 2, assignees: ['miriam.graham'], due: -3, percent: 100, categories: [1] },
    ],
  },
  {
    group: 'Finance',
    title: 'Month-end close',
    buckets: ['To do', 'Review', 'Closed'],
    labels: { 1: 'Audit', 2: 'Tax' },
    tasks: [
      { title: 'Reconcile the bank accounts', bucket: 0, assignees: ['sofia.rossi'], due: 2, priority: 3 },
      { title: 'Review the accruals', bucket: 1, assignees: ['raj.patel', 'nestor.wilke'], due: 3, percent: 50, categories: [1] },
      { title: 'File the VAT return', bucket: 0, assignees: ['sofia.rossi'], due: -2, priority: 1, categories: [2] },
      { title: 'Close last month', bucket: 2, assignees: ['raj.patel'], due: -6, percent: 100 },
    ],
  },
  {
    group: 'Operations',
    title: 'Warehouse move',
    buckets: ['Planning', 'Moving', 'Done'],
    labels: { 1: 'Supplier' },
    tasks: [
      { title: 'Confirm the movers', bucket: 0, assignees: ['klaus.becker'], due: 1, categories: [1] },
      { title: 'Label the racks', bucket: 1, assignees: ['lidia.holloway'], due: 5, percent: 50 },
      { title: 'Sign the new lease', bucket: 2, assignees: ['joni.sherman'], due: -7, percent: 100 },
    ],
  },
  {
    group: 'IT',
    title: 'Device refresh',
    buckets: ['Requests', 'Imaging', 'Handed out'],
    labels: { 1: 'Laptop', 2: 'Phone' },
    tasks: [
      { title: 'Order laptops for new hires', bucket: 0, assignees: ['debra.berger'], due: 3, categories: [1] },
      { title: 'Image the Tokyo laptops', bucket: 1, assignees: ['aiko.nakamura'], due: 2, percent: 50, categories: [1] },
      { title: 'Wipe returned phones', bucket: 2, assignees: ['arjun.mehta'], due: -2, percent: 100, categories: [2] },
    ],
  },
  {
    group: 'Retail Launch',
    title: 'Spring retail launch',
    buckets: ['To do', 'Doing', 'Done'],
    labels: { 1: 'Store', 2: 'Campaign', 3: 'Supply' },
    tasks: [
      { title: 'Window displays for the Bellevue store', bucket: 0, assignees: ['adele.vance', 'miriam.graham'], due: 3, priority: 3, categories: [1, 2], description: 'Use the new brand kit; posters from Litware Print.' },
      { title: 'Staff rota for the launch weekend', bucket: 1, assignees: ['ben.walters'], due: 4, percent: 50, categories: [1] },
      { title: 'Ship the launch stock', bucket: 1, assignees: ['klaus.becker'], due: 1, percent: 50, categories: [3], checklist: [['Confirm quantities', true], ['Book the truck', false]] },
      { title: 'Press release draft', bucket: 0, assignees: ['allan.deyoung'], due: -1, categories: [2] },
      { title: 'Store app banner', bucket: 2, assignees: ['lynne.robbins'], due: -3, percent: 100, categories: [2] },
    ],
  },
];
