// The Sales team's and the Retail Launch team's conversations: pipeline threads with the forecast and proposal
// attached, EMEA deals (one in German), pricing exceptions in the private Deal Desk, the channel shared with
// Marketing, and the store openings of the launch. Keyed 'Team/Channel'; dates and syntax as seed/posts.ts says.

import type { SeedPost } from './posts.js';

export const SALES_POSTS: Record<string, SeedPost[]> = {
  'Sales/General': [
    {
      at: [6, 1, '16:30'], by: 'alex.wilber', subject: 'Q4 forecast',
      text: 'The Q4 forecast is in. Bellevue Square carries December again; please check your stores before Friday.',
      files: [['~adele.vance', '/Sales/Q4 retail forecast.xlsx']],
      replies: [
        { at: [6, 1, '17:05'], by: 'adele.vance', text: 'Numbers for Redmond Town Center look right. Southcenter may be light: the mall closes early on Sundays now.' },
        { at: [6, 2, '08:30'], by: 'christie.cline', text: 'EMEA numbers come separately, I will post them in the EMEA channel.' },
      ],
    },
    {
      at: [4, 3, '17:15'], by: 'adele.vance', subject: 'Fabrikam: signed!',
      text: 'Fabrikam signed the holiday display proposal: forty kits, installed by November 20. Thanks @{ben.walters} for the store walk-throughs.',
      files: [['Sales', '/Proposals/Fabrikam holiday displays proposal.docx']],
      reactions: { heart: ['alex.wilber', 'ben.walters', 'yuki.sato'], like: ['christie.cline', 'henrietta.mueller'], '🎉': ['alex.wilber'] },
      replies: [{ at: [4, 3, '17:30'], by: 'alex.wilber', text: 'Brilliant work, both of you. Drinks on me on Friday.' }],
    },
    {
      at: [2, 4, '16:00'], by: 'ben.walters', text: 'Is the 2027 price list final? A customer asked about the fleece price.',
      replies: [
        { at: [2, 4, '16:25'], by: 'adele.vance', text: 'Final, yes: 82 USD for the fleece.', files: [['Sales', '/Pricing/Price list 2027.xlsx']], editedAfter: 3 },
      ],
    },
    {
      at: [1, 2, '15:45'], by: 'alex.wilber', subject: 'Pipeline review on Thursday',
      text: 'Pipeline review on Thursday. @{adele.vance} will walk us through the December closes; everyone else, update your opportunities by Wednesday night.',
      files: [['~adele.vance', '/Sales/Q4 pipeline review.pptx']],
      replies: [
        { at: [1, 2, '16:02'], by: 'yuki.sato', text: 'Tailspin Toys is still on hold in Tokyo, I will mark it at risk.' },
        { at: [1, 3, '09:10'], by: 'henrietta.mueller', text: 'Updated the Munich accounts. Wingtip wants a second quote before they commit.' },
        { at: [1, 3, '16:40'], by: 'adele.vance', text: 'Thanks all. @{henrietta.mueller} let us talk about the Wingtip quote in the Deal Desk before anything goes out.' },
      ],
    },
    {
      at: [0, 1, '15:30'], by: 'adele.vance', subject: 'This week',
      text: 'Quick plan for this week:\n<ul><li>Monday: store opening check-ins as usual</li><li>Tuesday: monthly sales review</li><li>Thursday: 1:1s</li></ul>\nShout if anything clashes.',
      reactions: { like: ['ben.walters', 'alex.wilber'] },
    },
  ],
  'Sales/EMEA': [
    {
      at: [6, 2, '09:00'], by: 'christie.cline', subject: 'EMEA forecast Q4',
      text: 'EMEA Q4 forecast: 1.4 million USD, of which 40% in Germany. The Munich team is ahead of plan.',
      reactions: { like: ['alex.wilber', 'henrietta.mueller'] },
    },
    {
      at: [3, 3, '08:15'], by: 'henrietta.mueller', text: 'Proseware Logistik fragt nach einem Rahmenvertrag für 2027. Können wir die Preise aus der neuen Preisliste garantieren?',
      replies: [
        { at: [3, 3, '09:40'], by: 'christie.cline', text: 'Let us keep it in English for Alex: Proseware wants a 2027 framework at the new list prices. I think we can guarantee them for 12 months.' },
        { at: [3, 3, '15:20'], by: 'alex.wilber', text: 'Agreed, 12 months. Anything longer goes through the Deal Desk.' },
        { at: [3, 3, '15:35'], by: 'henrietta.mueller', text: 'Danke! I will draft it today.' },
      ],
    },
  ],
  'Sales/Deal Desk': [
    {
      at: [2, 1, '16:10'], by: 'adele.vance', subject: 'Wingtip Toys: 12% discount?',
      text: 'Wingtip Toys asks for 12% off the display kits if they order 60 instead of 40. Margin stays above our floor at 12%. OK to offer?',
      replies: [
        { at: [2, 1, '16:40'], by: 'alex.wilber', text: 'OK at 10%, 12% only with a two-year commitment.' },
        { at: [2, 1, '17:00'], by: 'christie.cline', text: 'Same terms as we gave Adventure Works, makes sense.' },
      ],
    },
    {
      at: [1, 3, '17:10'], by: 'adele.vance', text: 'Wingtip quote for the Munich account: 10% at 60 kits, per the rule above. @{alex.wilber} please approve.',
      replies: [{ at: [1, 4, '15:00'], by: 'alex.wilber', text: 'Approved.' }],
    },
  ],
  'Sales/Sales & Marketing': [
    {
      at: [5, 4, '16:00'], by: 'megan.bowen', subject: 'Holiday campaign brief',
      text: 'Here is the holiday campaign brief. Stores get window posters and a playlist; we need the store list with opening hours by next week.',
      files: [['~megan.bowen', '/Marketing/Holiday campaign brief.docx']],
      replies: [
        { at: [5, 4, '16:30'], by: 'adele.vance', text: 'I will send the store list. Can the posters arrive before November 15?' },
        { at: [5, 4, '17:05'], by: 'miriam.graham', text: 'Litware prints on the 1st, so yes.' },
      ],
    },
    {
      at: [1, 4, '16:20'], by: 'allan.deyoung', text: 'The spring launch landing page is live in preview. @{adele.vance} @{ben.walters} could you check the store addresses?',
      replies: [{ at: [1, 4, '17:00'], by: 'ben.walters', text: 'Southcenter is listed with the old suite number, otherwise all good.' }],
    },
  ],
  'Retail Launch/General': [
    { at: [6, 1, '17:00'], by: 'adele.vance', system: { kind: 'channelAdded', channel: 'Store Openings' } },
    {
      at: [6, 1, '17:05'], by: 'adele.vance', subject: 'Kick-off',
      text: 'Welcome to the spring retail launch. Plans and tasks are in the Planner board; big decisions go here so everyone can follow.',
      reactions: { like: ['megan.bowen', 'miriam.graham', 'lynne.robbins', 'klaus.becker'] },
    },
    {
      at: [3, 2, '16:00'], by: 'lynne.robbins', text: 'The inventory sync for the new stores passed its design review. Decision: keep the queue, drop the polling job.',
      files: [['Engineering|Design Reviews', '/2026/Inventory sync review.docx']],
      replies: [{ at: [3, 2, '16:30'], by: 'klaus.becker', text: 'Good news for the warehouse. We need the store SKUs two weeks before opening.' }],
    },
    {
      at: [1, 1, '16:45'], by: 'megan.bowen', importance: 'high', text: 'Launch date moves to March 15 to line up with the social campaign. @{adele.vance} @{klaus.becker} please check the store and delivery dates.',
      replies: [
        { at: [1, 1, '17:10'], by: 'adele.vance', text: 'Stores can do March 15.' },
        { at: [1, 2, '07:30'], by: 'klaus.becker', text: 'Lieferungen passen, first trucks leave Munich on March 2.' },
      ],
    },
  ],
  'Retail Launch/Store Openings': [
    {
      at: [2, 3, '16:15'], by: 'ben.walters', subject: 'Opening checklist',
      text: 'Draft opening checklist: staffing, displays, POS test, first delivery, local press. Anything missing?',
      replies: [{ at: [2, 3, '16:50'], by: 'allan.deyoung', text: 'Add the social posts on opening day, and photos for the newsletter.' }],
    },
  ],
};
