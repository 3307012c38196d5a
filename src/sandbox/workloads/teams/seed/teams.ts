// The demo organization's teams: every group of the directory is team-enabled, each with its General channel and
// the channels below. Standard channels are open to the whole team; private channels to the team members listed;
// shared channels to the people listed, who may come from other teams (the Engineering/IT platform channel).
// People are given.surname keys. Tests read this table through testing.ts: add channels at the end of a team's list.

export interface SeedChannel {
  name: string;
  description: string;
  type: 'standard' | 'private' | 'shared';
  /** Private and shared channels: their members, the first being the channel's owner. */
  members?: string[];
}

export interface SeedTeam {
  /** The directory group's display name; the team takes its id, name and description. */
  group: string;
  /** When the team was made (channels added later carry their own date in the conversations). */
  created: string;
  channels: SeedChannel[];
}

const general = (description: string): SeedChannel => ({ name: 'General', description, type: 'standard' });

export const SEED_TEAMS: SeedTeam[] = [
  {
    group: 'Contoso', created: '2016-03-01T09:00:00Z',
    channels: [
      general('Company-wide news and questions for everyone at Contoso'),
      { name: 'Announcements', description: 'Official news from the leadership team and HR', type: 'standard' },
      { name: 'Social', description: 'Lunch plans, photos, clubs and the odd cat picture', type: 'standard' },
    ],
  },
  {
    group: 'Sales', created: '2016-03-02T09:00:00Z',
    channels: [
      general('The sales team: pipeline, wins and questions'),
      { name: 'EMEA', description: 'Accounts and deals in Europe, the Middle East and Africa', type: 'standard' },
      { name: 'Deal Desk', description: 'Pricing exceptions and discounts before they reach customers', type: 'private', members: ['alex.wilber', 'adele.vance', 'christie.cline'] },
      { name: 'Sales & Marketing', description: 'Campaigns meet the pipeline: shared with Marketing', type: 'shared', members: ['alex.wilber', 'adele.vance', 'ben.walters', 'megan.bowen', 'miriam.graham', 'allan.deyoung'] },
    ],
  },
  {
    group: 'Engineering', created: '2016-03-02T10:00:00Z',
    channels: [
      general('Product engineering: questions, demos and the weekly update'),
      { name: 'Releases', description: 'Deployments and release notes, posted by the deploy bot and the release captain', type: 'standard' },
      { name: 'Design Reviews', description: 'Designs up for review and the decisions taken', type: 'standard' },
      { name: 'Incident Response', description: 'Live incidents and their follow-ups', type: 'private', members: ['lee.gu', 'grady.archie', 'johanna.lorenz', 'pradeep.gupta'] },
      { name: 'Platform & IT', description: 'Engineering and IT on devices, networks and the build farm: shared with IT', type: 'shared', members: ['grady.archie', 'johanna.lorenz', 'hiroshi.tanaka', 'isaiah.langer', 'debra.berger', 'arjun.mehta'] },
    ],
  },
  {
    group: 'Marketing', created: '2016-03-03T09:00:00Z',
    channels: [
      general('Marketing team news'),
      { name: 'Campaigns', description: 'Campaign plans, assets and results', type: 'standard' },
      { name: 'Agency Budget', description: 'Agency fees and media spend', type: 'private', members: ['megan.bowen', 'miriam.graham'] },
    ],
  },
  {
    group: 'Finance', created: '2016-03-03T10:00:00Z',
    channels: [general('Finance team'), { name: 'Month-End Close', description: 'The close calendar, accruals and sign-offs', type: 'standard' }],
  },
  {
    group: 'Operations', created: '2016-03-04T09:00:00Z',
    channels: [general('Operations: logistics, facilities and suppliers'), { name: 'Lager & Logistik', description: 'Das Lager in München und die Lieferungen an die Filialen', type: 'standard' }],
  },
  {
    group: 'IT', created: '2016-03-04T10:00:00Z',
    channels: [general('IT team'), { name: 'Helpdesk', description: 'Tickets that need more than one pair of eyes', type: 'standard' }],
  },
  {
    group: 'Retail Launch', created: '2026-01-12T09:00:00Z',
    channels: [general('The spring retail launch across teams'), { name: 'Store Openings', description: 'Opening checklists and the days themselves', type: 'standard' }],
  },
  { group: 'Human Resources', created: '2016-03-07T09:00:00Z', channels: [general('People team')] },
  { group: 'Legal', created: '2016-03-07T10:00:00Z', channels: [general('Legal team')] },
  { group: 'Leadership Team', created: '2016-03-08T09:00:00Z', channels: [general('The CEO and her staff')] },
];
