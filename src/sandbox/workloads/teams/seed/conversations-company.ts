// What the company-wide team and the small teams (HR, Legal, Leadership) talked about in the weeks before the
// sandbox started: announcements with the handbook attached, a town hall thread, the social channel, hiring and a
// contract review. Keyed 'Team/Channel'; dates and syntax as seed/posts.ts describes.

import type { SeedPost } from './posts.js';

export const COMPANY_POSTS: Record<string, SeedPost[]> = {
  'Contoso/General': [
    {
      at: [5, 2, '16:00'], by: 'patti.fernandez', subject: 'Welcome to the new Contoso team',
      text: 'Hi everyone! This team replaces the old all-company distribution list. Ask questions here, and watch Announcements for the official news.',
      reactions: { like: ['lee.gu', 'megan.bowen', 'alex.wilber', 'adele.vance', 'yuki.sato'], heart: ['diego.siciliani'] },
      replies: [
        { at: [5, 2, '16:20'], by: 'isaiah.langer', text: 'If you cannot see the team on your phone, sign out of the Teams app and back in. The helpdesk can help too.' },
        { at: [5, 3, '07:45'], by: 'johanna.lorenz', text: 'Guten Morgen aus München! Schön, dass wir jetzt alle an einem Ort sind.' },
      ],
    },
    {
      at: [3, 4, '15:30'], by: 'diego.siciliani', subject: 'Town hall: questions welcome',
      text: 'The quarterly town hall is on Thursday next week. Reply here with your questions, anonymous ones can go through the form on the intranet.',
      replies: [
        { at: [3, 4, '15:52'], by: 'ben.walters', text: 'Will we hear about the store opening schedule for spring?' },
        { at: [3, 4, '16:10'], by: 'hiroshi.tanaka', text: 'Could the recording be posted for the Tokyo office? The live session is at 2 a.m. for us.' },
        { at: [3, 5, '09:05'], by: 'diego.siciliani', text: '@{hiroshi.tanaka} yes, the recording goes up the same day. @{ben.walters} Adele will cover the store openings.' },
      ],
    },
    {
      at: [1, 3, '17:10'], by: 'lidia.holloway', importance: 'high', subject: 'Building 18: fire drill on Thursday',
      text: 'Fire drill in Building 18 on Thursday at 10:00 Pacific. Please leave by the nearest exit and gather in the north parking lot.',
      reactions: { like: ['patti.fernandez', 'lee.gu'] },
    },
    {
      at: [0, 1, '16:30'], by: 'isaiah.langer', subject: 'Password expiry reminders are real',
      text: 'This week you may get a reminder that your password expires. It comes from us and points to the intranet, never to a form asking for your password. When in doubt, ask in Helpdesk.',
      reactions: { like: ['adele.vance', 'debra.berger', 'arjun.mehta'] },
      replies: [{ at: [0, 1, '16:45'], by: 'adele.vance', text: 'Thanks, I forwarded one to the support mailbox earlier: good to know it was real.' }],
    },
  ],
  'Contoso/Announcements': [
    {
      at: [6, 2, '17:00'], by: 'diego.siciliani', subject: 'Updated employee handbook',
      text: 'The employee handbook has a new section on hybrid work and the updated travel rules. Please read it before the end of the month.',
      files: [['Intranet', '/Employee handbook.pdf'], ['Intranet', '/Policies/Travel policy.docx']],
      reactions: { like: ['patti.fernandez', 'megan.bowen', 'nestor.wilke', 'anna.schmidt'] },
    },
    {
      at: [4, 1, '16:00'], by: 'patti.fernandez', subject: 'Q3 results', importance: 'high',
      text: 'Q3 revenue grew 11% on last year, led by retail and the spring launch preparations. Thank you all: the details are in the town hall deck.\nA special thank-you to the Sales team for closing the Fabrikam holiday display deal.',
      reactions: { heart: ['alex.wilber', 'adele.vance', 'christie.cline', 'ben.walters'], like: ['lee.gu', 'joni.sherman', 'irvin.sayers'] },
    },
    {
      at: [2, 2, '16:30'], by: 'nestor.wilke', subject: 'Expense deadline',
      text: 'Expenses for this quarter need to be submitted by Friday of next week. The expense policy explains what needs a receipt.',
      files: [['Intranet', '/Policies/Expense policy.docx']],
    },
  ],
  'Contoso/Social': [
    {
      at: [4, 5, '20:00'], by: 'emily.braun', text: 'Book club picks for next month: "The Remains of the Day" or "Klara and the Sun". Vote with a reaction!',
      reactions: { heart: ['sofia.rossi', 'olivia.bennett', 'megan.bowen'], like: ['irvin.sayers', 'christie.cline'] },
      replies: [{ at: [4, 5, '20:40'], by: 'sofia.rossi', text: 'Klara and the Sun, please! 📚' }],
    },
    {
      at: [2, 5, '04:15'], by: 'yuki.sato', text: '東京オフィスのお花見の写真です！来年はぜひ皆さんもどうぞ 🌸',
      reactions: { heart: ['hiroshi.tanaka', 'kenji.watanabe', 'aiko.nakamura', 'patti.fernandez'] },
      replies: [
        { at: [2, 5, '04:40'], by: 'aiko.nakamura', text: '素敵！天気も良かったですね。' },
        { at: [2, 5, '16:05'], by: 'megan.bowen', text: 'Gorgeous! We should use one of these in the spring campaign.' },
      ],
    },
    {
      at: [1, 5, '11:30'], by: 'klaus.becker', text: 'Kickerturnier im Münchner Büro am Freitag um 17 Uhr. Wer ist dabei?',
      replies: [
        { at: [1, 5, '11:42'], by: 'henrietta.mueller', text: 'Ich bin dabei! Johanna, wir spielen zusammen?' },
        { at: [1, 5, '11:50'], by: 'johanna.lorenz', text: 'Klar, @{henrietta.mueller}. Diesmal gewinnen wir.' },
      ],
    },
  ],
  'Human Resources/General': [
    {
      at: [3, 2, '07:30'], by: 'anna.schmidt', text: 'Two new hires start in Munich on Monday: a logistics coordinator and a working student for the warehouse. Onboarding packs are ready.',
      replies: [{ at: [3, 2, '16:00'], by: 'diego.siciliani', text: 'Great, thanks Anna. @{kenji.watanabe} can you share the Tokyo onboarding checklist with Anna? Ours is a bit out of date.' }, { at: [3, 3, '00:30'], by: 'kenji.watanabe', text: 'Of course, I will send it today.' }],
    },
    { at: [1, 4, '15:00'], by: 'diego.siciliani', text: 'Reminder: performance reviews are due in three weeks. Managers get the forms on Monday.' },
  ],
  'Legal/General': [
    {
      at: [2, 3, '10:00'], by: 'irvin.sayers', text: 'The Fabrikam display agreement is signed. @{olivia.bennett}, please file it and set a renewal reminder for next October.',
      replies: [{ at: [2, 3, '10:25'], by: 'olivia.bennett', text: 'Filed, and the reminder is set for 1 October.' }],
    },
  ],
  'Leadership Team/General': [
    {
      at: [2, 1, '17:00'], by: 'patti.fernandez', subject: 'Operating plan 2027',
      text: 'Drafts of the 2027 operating plan are due in two weeks. One page per department: goals, headcount, budget. @{nestor.wilke} will consolidate.',
      replies: [
        { at: [2, 1, '17:20'], by: 'nestor.wilke', text: 'Template is in the Finance site. Budget lines should match the FY27 workbook.', files: [['Finance', '/Budget FY27.xlsx']] },
        { at: [2, 2, '15:10'], by: 'lee.gu', text: 'Engineering draft will be in by Friday.' },
      ],
    },
  ],
};
