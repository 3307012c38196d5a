// Seeded mail, part 3: the shared mailbox support@contoso.sandbox. Customers write in English, French and
// German; a delegate answers from the shared mailbox itself (its Sent Items keeps the reply); a colleague
// escalates a case internally. Several items are unread, one is flagged, one carries a category.

import type { SeedThread } from './types.js';

export const SUPPORT_THREADS: SeedThread[] = [
  {
    key: 'support-damaged-order',
    messages: [
      {
        from: 'Sam Rivera <sam.rivera@mail.example>', to: ['support'], at: '-5d 15:25',
        subject: 'Order #10482 arrived damaged',
        html: `<p>Hello,</p><p>My order <b>#10482</b> (Contoso Smart Speaker, white) arrived today with a cracked housing. The box was dented too. Photos are available if you need them.</p><p>Can you send a replacement?</p><p>Thanks,<br>Sam Rivera</p>`,
      },
      {
        from: 'support', to: ['Sam Rivera <sam.rivera@mail.example>'], at: '-5d 17:02',
        html: `<p>Hi Sam,</p><p>We are sorry about the damaged speaker. A replacement ships today with tracking number <b>1Z 999 AA1 01 2345 6784</b>; please keep the damaged unit until the courier collects it.</p><p>Kind regards,<br>Ben Walters<br>Contoso Support</p>`,
      },
      {
        from: 'Sam Rivera <sam.rivera@mail.example>', to: ['support'], at: '-4d 09:48',
        html: '<p>Thank you, that was quick! I will have the old unit ready.</p><p>Sam</p>',
        unreadBy: ['support'],
        flaggedBy: ['support'],
      },
    ],
  },
  {
    key: 'support-return-policy-fr',
    messages: [
      {
        from: 'Chloé Dubois <chloe.dubois@mail.example>', to: ['support'], at: '-3d 08:12',
        subject: 'Question sur la politique de retour',
        html: `<p>Bonjour,</p><p>J'ai acheté un chargeur de voyage il y a trois semaines, mais il ne correspond pas à mon adaptateur. Est-il encore possible de le retourner ? Quel est le délai de remboursement ?</p><p>Merci d'avance,<br>Chloé Dubois</p>`,
        unreadBy: ['support'],
      },
    ],
  },
  {
    key: 'support-missing-invoice-de',
    messages: [
      {
        from: 'Lukas Braun <lukas.braun@kunden.example>', to: ['support'], at: '-2d 10:37',
        subject: 'Rechnung fehlt für Bestellung 10377',
        html: `<p>Sehr geehrte Damen und Herren,</p><p>für meine Bestellung <b>10377</b> vom 28. Oktober habe ich bisher keine Rechnung erhalten. Ich benötige sie für meine Steuererklärung. Könnten Sie mir die Rechnung bitte als PDF zusenden?</p><p>Mit freundlichen Grüßen<br>Lukas Braun</p>`,
        unreadBy: ['support'],
        categories: { support: ['Billing'] },
      },
    ],
  },
  {
    key: 'support-escalation',
    messages: [
      {
        from: 'adele.vance', to: ['support'], cc: ['ben.walters'], at: '-1d 19:20',
        subject: 'Customer escalation: gift card balance at store #112',
        html: `<p>Support team,</p><p>A customer at Bellevue Square (store #112) says her gift card shows a zero balance after one purchase of USD 25 on a USD 100 card. Card number ends in <b>4417</b>. Can you check the transaction log and call her back at +1 425 555 0133?</p><p>Thanks,<br>Adele</p>`,
        importance: 'high',
        unreadBy: ['support'],
      },
    ],
  },
  {
    key: 'support-where-is-order',
    messages: [
      {
        from: 'Mei Chen <mei.chen@mail.example>', to: ['support'], at: '-0d 08:05',
        subject: 'Where is my order #10511?',
        text: 'Hi,\n\nI ordered two travel chargers on November 9 (order #10511) and the tracking page has not changed since November 11. Could you check what is happening?\n\nBest,\nMei Chen',
        unreadBy: ['support'],
      },
    ],
  },
];
