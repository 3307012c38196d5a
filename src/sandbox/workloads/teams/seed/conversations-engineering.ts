// Engineering's and IT's conversations: design reviews with the spec attached, an incident in the private channel,
// the platform channel shared with IT, helpdesk threads, and the Releases channel, where the deploy bot posts a
// card for every deployment of the last six weeks and the release captain answers (more threads than one page
// holds, so clients meet Graph's paging). Keyed 'Team/Channel'; dates and syntax as seed/posts.ts describes.

import type { SeedPost } from './posts.js';

const SERVICES = ['storefront', 'payments', 'inventory-sync', 'loyalty', 'search'];
const CAPTAINS = ['grady.archie', 'johanna.lorenz', 'pradeep.gupta', 'hiroshi.tanaka', 'lynne.robbins'];
/** Deployment times in UTC, one morning and one afternoon slot a working day. */
const SLOTS = ['09:30', '16:10'];

/** Two deployments each working day of the last six weeks; every fifth gets a word from the captain. */
function releaseNotes(): SeedPost[] {
  const out: SeedPost[] = [];
  let n = 0;
  for (let weeks = 6; weeks >= 1; weeks--) {
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (const slot of SLOTS) {
        const service = SERVICES[n % SERVICES.length];
        const captain = CAPTAINS[Math.floor(n / 2) % CAPTAINS.length];
        const version = `2026.${40 + (6 - weeks) * 5 + weekday}.${SLOTS.indexOf(slot) + 1}`;
        const [h, m] = slot.split(':');
        const post: SeedPost = {
          at: [weeks, weekday, slot], by: 'app:Contoso Deploy',
          text: `Deployed ${service} ${version} to production.`,
          card: { title: `${service} ${version} is live`, facts: [['Service', service], ['Version', version], ['Release captain', captain], ['Duration', `${4 + (n % 9)} min`]] },
        };
        if (n % 5 === 0) post.replies = [{ at: [weeks, weekday, `${h}:${String(Number(m) + 12).padStart(2, '0')}`], by: captain, text: `Smoke tests green for ${service}. Closing the release ticket.` }];
        out.push(post);
        n++;
      }
    }
  }
  return out;
}

export const ENGINEERING_POSTS: Record<string, SeedPost[]> = {
  'Engineering/General': [
    {
      at: [5, 1, '16:00'], by: 'lee.gu', subject: 'Weekly update',
      text: 'This week: payment retries ship on Wednesday, the search index rebuild moves to the weekend, and we welcome two interns in Bengaluru. Say hi to them in the office, @{pradeep.gupta}!',
      reactions: { like: ['grady.archie', 'lynne.robbins', 'pradeep.gupta'] },
    },
    {
      at: [3, 2, '05:20'], by: 'hiroshi.tanaka', text: 'Question for the storefront folks: do we still support the old loyalty card format? I see it in the Tokyo store logs.',
      replies: [
        { at: [3, 2, '08:10'], by: 'johanna.lorenz', text: 'Only read, never issued. It goes away with the 2027 loyalty release.' },
        { at: [3, 2, '08:30'], by: 'hiroshi.tanaka', text: 'ありがとう, that explains it.' },
      ],
    },
    {
      at: [0, 1, '16:15'], by: 'grady.archie', subject: 'On-call swap',
      text: 'I am swapping on-call with @{johanna.lorenz} this week. The runbook is unchanged.',
      files: [['Engineering', '/Runbooks/On-call runbook.docx']],
    },
  ],
  'Engineering/Releases': releaseNotes(),
  'Engineering/Design Reviews': [
    {
      at: [4, 2, '16:30'], by: 'lynne.robbins', subject: 'Review: payment service retries',
      text: 'Design for idempotent payment retries is ready for review. Comments by Thursday, please.',
      files: [['Engineering', '/Specs/Payment service design.docx']],
      replies: [
        { at: [4, 2, '17:00'], by: 'johanna.lorenz', text: 'Looks good. One question: do we key retries by order id or by payment attempt?' },
        { at: [4, 3, '06:45'], by: 'pradeep.gupta', text: 'By order id, section 3. Attempts are logged separately.' },
        { at: [4, 3, '16:20'], by: 'lee.gu', text: 'Approved. Ship it behind a flag first.' },
      ],
    },
    {
      at: [3, 1, '16:00'], by: 'grady.archie', subject: 'Review: inventory sync',
      text: 'Inventory sync design review notes. Decision: keep the queue, drop the polling job.',
      files: [['Engineering|Design Reviews', '/2026/Inventory sync review.docx']],
      reactions: { like: ['lynne.robbins', 'hiroshi.tanaka'] },
    },
  ],
  'Engineering/Incident Response': [
    {
      at: [2, 3, '14:05'], by: 'pradeep.gupta', importance: 'urgent', subject: 'SEV2: checkout latency in Seattle stores',
      text: 'Checkout p95 latency is above 4 seconds in the Seattle stores since 13:50 UTC. Payments look healthy; suspect the inventory lookup. @{grady.archie} @{johanna.lorenz}',
      replies: [
        { at: [2, 3, '14:12'], by: 'johanna.lorenz', text: 'Inventory cache hit rate dropped to 20% after this morning\'s deploy. Rolling back inventory-sync.' },
        { at: [2, 3, '14:31'], by: 'johanna.lorenz', text: 'Rollback done, latency back to 600 ms.' },
        { at: [2, 3, '15:00'], by: 'grady.archie', text: 'Thanks both. Post-incident review on Monday, @{lee.gu} FYI.' },
      ],
    },
  ],
  'Engineering/Platform & IT': [
    {
      at: [3, 4, '16:40'], by: 'debra.berger', text: 'The build farm machines get the new OS image next Tuesday evening. Builds will queue for about an hour.',
      replies: [
        { at: [3, 4, '17:00'], by: 'grady.archie', text: 'Fine for us, please avoid the release slots (09:30 and 16:10 UTC).' },
        { at: [3, 5, '03:20'], by: 'hiroshi.tanaka', text: 'Tokyo has no builds planned that evening, go ahead.' },
      ],
    },
    {
      at: [1, 2, '10:15'], by: 'arjun.mehta', text: 'VPN certificates for the Bengaluru and Munich offices renew on Friday. Nothing to do unless you see a certificate warning.',
      replies: [{ at: [1, 2, '10:40'], by: 'johanna.lorenz', text: 'Danke, I will tell the Munich team.' }],
    },
  ],
  'IT/General': [
    { at: [4, 4, '16:00'], by: 'isaiah.langer', text: 'Laptop refresh: 40 machines arrive next month. @{debra.berger} owns the rollout plan.' },
  ],
  'IT/Helpdesk': [
    {
      at: [2, 1, '15:20'], by: 'debra.berger', text: 'Three reports today of Outlook asking for a password in a loop. All three fixed by removing the old profile.',
      replies: [{ at: [2, 1, '15:45'], by: 'arjun.mehta', text: 'Same in Bengaluru. I will write it up for the knowledge base.' }],
    },
    {
      at: [1, 4, '01:30'], by: 'aiko.nakamura', text: '東京オフィスのプリンターが一台故障しています。修理業者を手配しました。',
      replies: [{ at: [1, 4, '02:00'], by: 'isaiah.langer', text: 'Thanks Aiko. Let us know if you need a loaner.' }],
    },
  ],
};
