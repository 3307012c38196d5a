// The demo organization's chats: one-on-one and group chats (English, German and Japanese), with files shared by
// reference, an urgent message, an edited and a deleted one, a person added to a group chat, and read markers so
// that some chats have news for the person. Dates and syntax as seed/posts.ts describes; tests read the table
// through testing.ts, so add chats at the end.

import type { SeedPost } from './posts.js';

export interface SeedChat {
  /** Stable name: a group chat's id derives from it. */
  name: string;
  type: 'oneOnOne' | 'group';
  topic: string | null;
  members: string[];
  posts: SeedPost[];
  /** When members last read the chat; members not listed have read all of it. */
  read?: Record<string, SeedPost['at']>;
}

export const SEED_CHATS: SeedChat[] = [
  {
    name: 'adele-alex', type: 'oneOnOne', topic: null, members: ['adele.vance', 'alex.wilber'],
    posts: [
      { at: [3, 4, '20:10'], by: 'alex.wilber', text: 'Can you send me the updated Q4 targets before our 1:1?' },
      { at: [3, 4, '20:25'], by: 'adele.vance', text: 'Here they are, I updated Bellevue Square.', files: [['~alex.wilber', '/Sales/Q4 targets.xlsx']] },
      { at: [3, 4, '20:27'], by: 'alex.wilber', text: 'Perfect, thanks!', reactions: { like: ['adele.vance'] } },
      { at: [1, 4, '19:55'], by: 'alex.wilber', text: 'For Thursday: let us go through the December closes and the Wingtip discount.' },
      { at: [0, 1, '15:10'], by: 'alex.wilber', importance: 'urgent', text: 'Fabrikam called: they want the display kits two days earlier. Can you call them back this morning?' },
    ],
    read: { 'adele.vance': [1, 4, '20:00'] },
  },
  {
    name: 'adele-ben', type: 'oneOnOne', topic: null, members: ['adele.vance', 'ben.walters'],
    posts: [
      { at: [2, 5, '17:00'], by: 'ben.walters', text: 'Two associates called in sick for Saturday at Bellevue Square.' },
      { at: [2, 5, '17:04'], by: 'adele.vance', text: 'I can cover the morning. Ask Southcenter if they can spare someone in the afternoon.' },
      { at: [2, 5, '17:06'], by: 'ben.walters', text: 'Sorry, wrong chat, ignore that.', deletedAfter: 1 },
      { at: [2, 5, '17:20'], by: 'ben.walters', text: 'Southcenter sends Maria from 13:00. Thanks!', editedAfter: 2 },
      { at: [0, 1, '16:00'], by: 'ben.walters', text: 'The late delivery for the store opening check-in is confirmed for Wednesday at 9.' },
    ],
    read: { 'adele.vance': [2, 5, '17:30'] },
  },
  {
    name: 'adele-megan', type: 'oneOnOne', topic: null, members: ['adele.vance', 'megan.bowen'],
    posts: [
      { at: [5, 4, '17:30'], by: 'megan.bowen', text: 'Do you have a minute to look at the holiday campaign brief? Mostly the store list.', files: [['~megan.bowen', '/Marketing/Holiday campaign brief.docx']] },
      { at: [5, 4, '17:45'], by: 'adele.vance', text: 'Looked at it: Southcenter closes at 6 on Sundays now, otherwise all good.' },
      { at: [5, 4, '17:46'], by: 'megan.bowen', text: '👍' },
    ],
  },
  {
    name: 'johanna-henrietta', type: 'oneOnOne', topic: null, members: ['johanna.lorenz', 'henrietta.mueller'],
    posts: [
      { at: [1, 5, '12:00'], by: 'henrietta.mueller', text: 'Hast du Lust, nach dem Kickerturnier noch etwas essen zu gehen?' },
      { at: [1, 5, '12:10'], by: 'johanna.lorenz', text: 'Gerne! Der Italiener an der Ecke?' },
      { at: [1, 5, '12:12'], by: 'henrietta.mueller', text: 'Perfekt, ich reserviere für 19 Uhr.', reactions: { heart: ['johanna.lorenz'] } },
    ],
  },
  {
    name: 'hiroshi-yuki', type: 'oneOnOne', topic: null, members: ['hiroshi.tanaka', 'yuki.sato'],
    posts: [
      { at: [2, 2, '02:00'], by: 'yuki.sato', text: '田中さん、テイルスピン・トイズの店舗システムについて質問してもいいですか？' },
      { at: [2, 2, '02:15'], by: 'hiroshi.tanaka', text: 'もちろんです。明日の10時に話しましょうか？' },
      { at: [2, 2, '02:16'], by: 'yuki.sato', text: 'ありがとうございます！よろしくお願いします。' },
    ],
  },
  {
    name: 'retail-launch-core', type: 'group', topic: 'Retail launch core team', members: ['adele.vance', 'ben.walters', 'megan.bowen', 'miriam.graham'],
    posts: [
      { at: [4, 1, '16:00'], by: 'adele.vance', text: 'Small chat for the launch decisions that do not need the whole team. @{megan.bowen} @{ben.walters}' },
      { at: [4, 1, '16:05'], by: 'megan.bowen', system: { kind: 'membersAdded', members: ['miriam.graham'] } },
      { at: [4, 1, '16:10'], by: 'megan.bowen', text: 'Added Miriam, she runs the campaign budget.' },
      { at: [2, 3, '16:40'], by: 'miriam.graham', text: 'Posters are at the printer. Delivery to the stores on the 14th.', files: [['Marketing', '/Brand/Brand guidelines.pdf']] },
      { at: [0, 1, '16:20'], by: 'megan.bowen', text: 'Launch video draft is ready. @{adele.vance} can you review it today?', importance: 'high' },
      { at: [0, 1, '16:35'], by: 'ben.walters', text: 'Watched it, the store shots look great!' },
    ],
    read: { 'adele.vance': [2, 3, '17:00'] },
  },
  {
    name: 'tokyo-office', type: 'group', topic: '東京オフィス', members: ['hiroshi.tanaka', 'yuki.sato', 'kenji.watanabe', 'aiko.nakamura'],
    posts: [
      { at: [3, 3, '01:00'], by: 'kenji.watanabe', text: '来週の金曜日にオフィスの大掃除をします。午後3時からです。' },
      { at: [3, 3, '01:20'], by: 'aiko.nakamura', text: '了解です。ゴミ袋を準備しておきます。' },
      { at: [1, 2, '03:00'], by: 'yuki.sato', text: '今夜の飲み会、7時に駅の近くの居酒屋で！', reactions: { '🍻': ['hiroshi.tanaka', 'kenji.watanabe'] } },
      { at: [1, 2, '03:10'], by: 'hiroshi.tanaka', text: '@{yuki.sato} 少し遅れます。7時半に着きます。' },
    ],
  },
  {
    name: 'munich-lunch', type: 'group', topic: 'Mittagessen München', members: ['johanna.lorenz', 'henrietta.mueller', 'klaus.becker', 'anna.schmidt', 'joni.sherman'],
    posts: [
      { at: [2, 4, '10:30'], by: 'anna.schmidt', text: 'Mittag heute um 12? Die neuen Kolleginnen kommen mit.' },
      { at: [2, 4, '10:35'], by: 'klaus.becker', text: 'Bin dabei. Kantine oder Biergarten?' },
      { at: [2, 4, '10:40'], by: 'joni.sherman', text: 'Biergarten, solange das Wetter hält! ☀️', reactions: { like: ['anna.schmidt', 'henrietta.mueller', 'johanna.lorenz'] } },
    ],
  },
  {
    name: 'emea-accounts', type: 'group', topic: null, members: ['adele.vance', 'christie.cline', 'yuki.sato'],
    posts: [
      { at: [1, 3, '08:00'], by: 'christie.cline', text: 'Quick one: can we share the Fabrikam proposal template with the Tokyo team?', files: [['Sales', '/Proposals/Fabrikam holiday displays proposal.docx']] },
      { at: [1, 3, '15:30'], by: 'adele.vance', text: 'Sure, it is in the Sales site. @{yuki.sato} remove the prices before you send it out.' },
      { at: [1, 4, '00:40'], by: 'yuki.sato', text: 'Thank you both, will do!' },
    ],
  },
];
