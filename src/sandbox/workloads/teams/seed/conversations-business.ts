// Marketing's, Finance's and Operations' conversations: campaign planning with the brand guidelines attached, the
// private agency budget, the month-end close with the forecast workbook, and the Munich warehouse in German.
// Keyed 'Team/Channel'; dates and syntax as seed/posts.ts describes.

import type { SeedPost } from './posts.js';

export const BUSINESS_POSTS: Record<string, SeedPost[]> = {
  'Marketing/General': [
    {
      at: [5, 3, '16:00'], by: 'megan.bowen', text: 'Reminder: all external assets use the updated brand guidelines from this week on.',
      files: [['Marketing', '/Brand/Brand guidelines.pdf']],
      reactions: { like: ['miriam.graham', 'emily.braun', 'priya.nair'] },
    },
    {
      at: [1, 5, '15:00'], by: 'priya.nair', text: 'Campaign dashboard refreshed: email open rate 31%, click-through 4.2%. The store-locator banner is our best performer.',
      replies: [{ at: [1, 5, '15:30'], by: 'megan.bowen', text: 'Great numbers, @{priya.nair}. Let us reuse the banner for spring.' }],
    },
  ],
  'Marketing/Campaigns': [
    {
      at: [4, 2, '10:30'], by: 'emily.braun', subject: 'Spring launch: content plan',
      text: 'Content plan for the spring launch: three blog posts, a store video and the newsletter. First drafts due in two weeks.',
      files: [['Marketing', '/Campaigns/Spring launch plan.docx']],
      replies: [
        { at: [4, 2, '15:10'], by: 'miriam.graham', text: 'Can we add a post about the new Munich warehouse? Faster deliveries are a good story.' },
        { at: [4, 2, '15:45'], by: 'emily.braun', text: 'Yes! I will ask Klaus for photos.' },
      ],
    },
    {
      at: [2, 4, '17:00'], by: 'allan.deyoung', text: 'The spring video shoot is booked at the Bellevue Square store on a Sunday morning before opening.',
      reactions: { like: ['megan.bowen'], surprised: ['emily.braun'] },
    },
  ],
  'Marketing/Agency Budget': [
    {
      at: [3, 1, '17:00'], by: 'miriam.graham', text: 'Graphic Design Institute quoted 48,000 USD for the spring creative. That is 6,000 over what we planned.',
      replies: [{ at: [3, 1, '17:30'], by: 'megan.bowen', text: 'Take it to 44,000 by dropping the second video cut. I will find the rest.' }],
    },
  ],
  'Finance/General': [
    {
      at: [4, 1, '16:00'], by: 'nestor.wilke', text: 'FY27 budget workbook is final. Department heads have read access; changes go through me.',
      files: [['Finance', '/Budget FY27.xlsx']],
    },
  ],
  'Finance/Month-End Close': [
    {
      at: [5, 5, '09:00'], by: 'sofia.rossi', subject: 'Close calendar',
      text: 'Close calendar for this month: accruals by day 2, reconciliations by day 4, sign-off on day 5.',
      replies: [{ at: [5, 5, '09:30'], by: 'raj.patel', text: 'Reconciliations for the Bengaluru entity will be ready on day 3.' }],
    },
    {
      at: [1, 1, '10:00'], by: 'raj.patel', text: 'Q1 forecast updated with the March launch. Revenue for March goes to 3.4 million.',
      files: [['Finance', '/Forecasts/Q1 forecast.xlsx']],
      replies: [
        { at: [1, 1, '10:40'], by: 'sofia.rossi', text: 'Thanks Raj. @{nestor.wilke}, ready for your review.' },
        { at: [1, 1, '16:20'], by: 'nestor.wilke', text: 'Reviewed and approved.', reactions: { like: ['sofia.rossi', 'raj.patel'] } },
      ],
    },
  ],
  'Operations/General': [
    {
      at: [4, 3, '08:00'], by: 'joni.sherman', text: 'Operations update: the Munich warehouse now ships to all European stores. New York follows in the spring.',
      replies: [{ at: [4, 3, '14:00'], by: 'lidia.holloway', text: 'New York lease is signed; fit-out starts in February.' }],
    },
  ],
  'Operations/Lager & Logistik': [
    {
      at: [3, 2, '07:15'], by: 'klaus.becker', subject: 'Inventur am Samstag',
      text: 'Die Inventur im Lager ist am Samstag ab 8 Uhr. Bitte tragt euch bis Donnerstag in die Schichtliste ein.',
      replies: [
        { at: [3, 2, '07:40'], by: 'joni.sherman', text: 'Danke Klaus. Ich bringe Frühstück mit 🥨' },
        { at: [3, 2, '08:05'], by: 'klaus.becker', text: 'Super, @{joni.sherman}!' },
      ],
    },
    {
      at: [1, 3, '06:50'], by: 'klaus.becker', importance: 'high', text: 'Die Lieferung von Fabrikam verspätet sich um zwei Tage. Die Displays für die Filialen kommen erst am Mittwoch.',
      replies: [{ at: [1, 3, '07:30'], by: 'joni.sherman', text: 'Ich informiere das Sales-Team. Danke für die schnelle Info.' }],
    },
  ],
};
