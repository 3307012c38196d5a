// Seeded mail, part 1: company announcements that reach everyone and the working mail of Sales (Adele Vance's
// mailbox is the richest: unread mail from several people, a flagged thread, a draft, personal folders, Junk,
// Archive and Deleted Items). Times are relative to the seed's epoch (time/seed-clock.ts).

import type { SeedDraft, SeedFolders, SeedThread } from './types.js';

export const COMPANY_AND_SALES_THREADS: SeedThread[] = [
  {
    key: 'retail-planning-kickoff',
    messages: [
      {
        from: 'alex.wilber', to: ['adele.vance'], at: '-35d 17:20',
        subject: 'Retail planning kickoff - notes',
        html: `<p>Hi Adele,</p><p>Thanks for a good kickoff. Notes as promised:</p><ul><li>Holiday window displays in all 14 stores by November 24</li><li>Fabrikam remains our display vendor; you own the relationship</li><li>Forecast review in early November</li></ul><p>Alex</p>`,
        folders: { 'adele.vance': 'archive' },
      },
    ],
  },
  {
    key: 'parking-garage',
    messages: [
      {
        from: 'joni.sherman', to: ['allemployees@contoso.sandbox'], at: '-21d 15:00',
        subject: 'Redmond campus: garage B closed October 31 - November 1',
        html: `<p>Hello everyone,</p><p>Parking garage B on the Redmond campus will be closed on <b>Saturday, October 31</b> and <b>Sunday, November 1</b> for resurfacing. Please use garage A or the visitor lot.</p><p>Thank you for your patience,<br>Joni Sherman<br>VP of Operations</p>`,
        folders: { 'adele.vance': 'deleteditems' },
      },
    ],
  },
  {
    key: 'benefits-enrollment',
    messages: [
      {
        from: 'diego.siciliani', to: ['allemployees@contoso.sandbox'], at: '-14d 16:00',
        subject: 'Open enrollment for 2027 benefits starts today',
        html: `<p>Dear colleagues,</p><p>Open enrollment for your 2027 benefits runs from <b>November 2 to November 30</b>. The attached guide explains every plan.</p><table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>Plan</th><th>Monthly premium (employee)</th><th>Includes</th></tr><tr><td>Basic</td><td>USD 0</td><td>Medical</td></tr><tr><td>Plus</td><td>USD 45</td><td>Medical, dental</td></tr><tr><td>Premier</td><td>USD 90</td><td>Medical, dental, vision</td></tr></table><p>Enroll on the <a href="https://benefits.contoso.sandbox/enroll">benefits portal</a>. If you do nothing, your current choices carry over.</p><p>Diego Siciliani<br>HR Director</p>`,
        attachments: ['benefits-guide'],
        unreadBy: ['pradeep.gupta', 'hiroshi.tanaka', 'klaus.becker', 'aiko.nakamura'],
      },
    ],
  },
  {
    key: 'mfa-deadline',
    messages: [
      {
        from: 'isaiah.langer', to: ['allemployees@contoso.sandbox'], at: '-7d 17:30', importance: 'high',
        subject: 'Action required: set up multifactor authentication by November 30',
        html: `<p>Hi all,</p><p>From <b>December 1</b> every sign-in to Contoso systems requires multifactor authentication. It takes five minutes:</p><ol><li>Install Microsoft Authenticator on your phone.</li><li>Go to <a href="https://aka.ms/mfasetup">https://aka.ms/mfasetup</a> and sign in.</li><li>Choose <i>Mobile app</i> and scan the QR code.</li><li>Approve the test notification.</li></ol><p>Questions? Reply to this mail or call the service desk at +1 425 555 0199.</p><p>Isaiah Langer<br>IT Director</p>`,
        unreadBy: ['pradeep.gupta', 'hiroshi.tanaka', 'ben.walters', 'klaus.becker', 'olivia.bennett'],
        flaggedBy: ['debra.berger'],
      },
    ],
  },
  {
    key: 'all-hands',
    messages: [
      {
        from: 'patti.fernandez', to: ['allemployees@contoso.sandbox'], at: '-4d 16:00',
        subject: 'All-hands: FY27 kickoff on Thursday, November 19',
        html: `<p>Team,</p><p>Please join us for the FY27 kickoff on <b>Thursday, November 19, 16:00-17:30 UTC</b>, in Building 18 and online.</p><table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>Time (UTC)</th><th>Topic</th><th>Speaker</th></tr><tr><td>16:00</td><td>Where we stand</td><td>Patti Fernandez</td></tr><tr><td>16:20</td><td>Products for FY27</td><td>Lee Gu</td></tr><tr><td>16:45</td><td>Markets and customers</td><td>Alex Wilber, Megan Bowen</td></tr><tr><td>17:10</td><td>Questions</td><td>Everyone</td></tr></table><p>Send questions in advance to <a href="mailto:patti.fernandez@contoso.sandbox">me</a>.</p><p>Patti</p>`,
        unreadBy: ['adele.vance', 'yuki.sato', 'raj.patel', 'anna.schmidt', 'kenji.watanabe', 'allan.deyoung'],
      },
    ],
  },
  {
    key: 'fabrikam-holiday-programme',
    messages: [
      {
        from: 'Jordan Mitchell <jordan.mitchell@fabrikam.example>', to: ['adele.vance'], cc: ['christie.cline'], at: '-13d 16:40',
        subject: 'Holiday display programme - kickoff',
        html: `<p>Hi Adele,</p><p>Great to be working with Contoso again this season. For the kickoff I suggest we agree on:</p><ul><li>Kit sizes per store (large for flagship stores, small elsewhere)</li><li>Delivery window: November 21-27</li><li>Installation support on site for the five largest stores</li></ul><p>Best regards,<br>Jordan Mitchell<br>Account Manager, Fabrikam, Inc.<br><a href="https://www.fabrikam.example">www.fabrikam.example</a></p>`,
        folders: { 'adele.vance': 'Projects/Holiday 2026' },
        categories: { 'adele.vance': ['Fabrikam'] },
      },
    ],
  },
  {
    key: 'retail-insights-newsletter',
    messages: [
      {
        from: 'Retail Insights <news@retailinsights.example>', to: ['adele.vance'], at: '-11d 07:00', importance: 'low',
        subject: 'Retail Insights Weekly - Issue 47: holiday footfall forecasts',
        html: `<h2>Retail Insights Weekly</h2><p>This week: analysts expect holiday footfall to rise 3-4% year over year, with the strongest growth in electronics and home decor.</p><ul><li><a href="https://retailinsights.example/issue47/footfall">Footfall forecasts by region</a></li><li><a href="https://retailinsights.example/issue47/staffing">Seasonal staffing: what works</a></li></ul><p style="font-size:9pt">You receive this newsletter because you subscribed at retailinsights.example. <a href="https://retailinsights.example/unsubscribe">Unsubscribe</a>.</p>`,
        otherBy: ['adele.vance'],
      },
    ],
  },
  {
    key: 'q4-forecast',
    messages: [
      {
        from: 'alex.wilber', to: ['adele.vance', 'christie.cline', 'yuki.sato', 'henrietta.mueller'], cc: ['ben.walters'], at: '-7d 15:42', importance: 'high',
        subject: 'Q4 retail forecast - please review by Friday',
        html: `<p>Hi team,</p><p>Attached is the Q4 forecast by region. Please check your numbers and reply by <b>Friday, November 13</b>. Two things to look at in particular:</p><ol><li>December uplift assumptions (we use +38% over November)</li><li>Any store openings or closures not yet reflected</li></ol><p>Thanks,<br>Alex</p>`,
        attachments: ['q4-forecast'],
        flaggedBy: ['adele.vance'],
        categories: { 'adele.vance': ['Red category'] },
      },
      {
        from: 'adele.vance', to: ['alex.wilber', 'christie.cline', 'yuki.sato', 'henrietta.mueller'], cc: ['ben.walters'], at: '-7d 18:10',
        html: `<p>Alex,</p><p>North America looks right. One correction: the Bellevue Square store reopens on December 4 after the refit, so December should be about USD 60k higher. I will update the sheet tomorrow.</p><p>Adele</p>`,
      },
      {
        from: 'christie.cline', to: ['alex.wilber', 'adele.vance', 'yuki.sato', 'henrietta.mueller'], cc: ['ben.walters'], at: '-6d 08:15',
        html: `<p>Morning all,</p><p>EMEA is fine as is. Henrietta will confirm Germany separately; the Munich warehouse delay may push some December volume into January.</p><p>Best,<br>Christie</p>`,
        unreadBy: ['adele.vance', 'yuki.sato'],
      },
    ],
  },
  {
    key: 'lunch-thursday',
    messages: [
      { from: 'megan.bowen', to: ['adele.vance'], at: '-5d 19:05', subject: 'Lunch on Thursday?', text: 'Hi Adele,\n\nAre you free for lunch on Thursday? The new Thai place in Building 16 is supposed to be good.\n\nMegan' },
      { from: 'adele.vance', to: ['megan.bowen'], at: '-5d 19:40', text: 'Sounds great - 12:15 in the lobby?\n\nAdele' },
    ],
  },
  {
    key: 'store-visit',
    messages: [
      {
        from: 'ben.walters', to: ['adele.vance'], at: '-3d 22:30',
        subject: 'Store visit notes - Bellevue Square',
        html: `<p>Hi Adele,</p><p>Notes from today's visit are attached. The short version: three of four holiday endcaps are up, and we are out of the white smart speakers. Can you approve a reorder of 40 units?</p><p>Ben</p>`,
        attachments: ['store-visit-notes'],
        unreadBy: ['adele.vance'],
      },
    ],
  },
  {
    key: 'fabrikam-po',
    messages: [
      {
        from: 'Jordan Mitchell <jordan.mitchell@fabrikam.example>', to: ['adele.vance'], at: '-2d 14:05',
        subject: 'PO #48213 confirmation - holiday display kits',
        html: `<p>Hello Adele,</p><p>We confirm purchase order <b>#48213</b>. The line items and delivery dates are in the attached CSV; the total is <b>USD 7,630.80</b> before tax.</p><p>Please let me know by Tuesday if anything needs to change.</p><p>Kind regards,<br>Jordan Mitchell<br>Fabrikam, Inc.</p>`,
        attachments: ['po-48213-lines'],
        unreadBy: ['adele.vance'],
        categories: { 'adele.vance': ['Fabrikam'] },
      },
    ],
  },
  {
    key: 'gift-card-spam',
    messages: [
      {
        from: 'Rewards Center <promo@win-big.example>', to: ['adele.vance'], at: '-0d 09:10',
        subject: 'Congratulations! You have won a USD 500 gift card',
        html: `<p style="font-size:20pt;color:#c00">YOU ARE A WINNER!!!</p><p>Claim your gift card now: <a href="http://win-big.example/claim?id=8812">click here</a>. Offer expires in 24 hours.</p>`,
        folders: { 'adele.vance': 'junkemail' },
        unreadBy: ['adele.vance'],
      },
    ],
  },
  {
    key: 'one-on-one',
    messages: [
      {
        from: 'alex.wilber', to: ['adele.vance'], at: '-0d 16:30',
        subject: '1:1 agenda for tomorrow',
        html: `<p>Hi Adele,</p><p>For tomorrow's 1:1:</p><ul><li>Q4 forecast corrections</li><li>Fabrikam purchase order #48213</li><li>Staffing for December weekends</li></ul><p>Anything to add?</p><p>Alex</p>`,
        unreadBy: ['adele.vance'],
      },
    ],
  },
  {
    key: 'board-deck',
    messages: [
      {
        from: 'patti.fernandez', to: ['nestor.wilke', 'alex.wilber', 'megan.bowen', 'lee.gu'], bcc: ['irvin.sayers'], at: '-10d 21:15',
        subject: 'Board update Q4 - draft v3',
        html: `<p>All,</p><p>Draft v3 of the board update is attached. Please send comments by Wednesday. Irvin, please check the wording on the Tokyo lease.</p><p>Patti</p>`,
        attachments: ['board-deck-notes'],
        unreadBy: ['lee.gu'],
        flaggedBy: ['nestor.wilke'],
      },
    ],
  },
];

export const COMPANY_AND_SALES_DRAFTS: SeedDraft[] = [
  {
    owner: 'adele.vance', to: ['alex.wilber'], at: '-1d 20:45',
    subject: 'Store staffing plan for December',
    html: '<p>Alex,</p><p>Here is my first take on December weekend staffing: two extra associates per flagship store on Saturdays, one on Sundays. Still checking the budget</p>',
  },
];

export const COMPANY_AND_SALES_FOLDERS: SeedFolders = {
  'adele.vance': ['Projects', 'Projects/Holiday 2026'],
};
