// Seeded mail, part 2: the offices abroad in their own languages (German in Munich, Japanese in Tokyo, Hindi in
// Bengaluru, French with a partner in Lyon) and the working mail of Engineering, Finance, Legal, Marketing,
// Operations and IT. Replies keep the prefix their writer's Outlook uses (AW: in German).

import type { SeedThread } from './types.js';

export const INTERNATIONAL_THREADS: SeedThread[] = [
  {
    key: 'munich-warehouse-delay',
    messages: [
      {
        from: 'johanna.lorenz', to: ['henrietta.mueller', 'klaus.becker'], cc: ['anna.schmidt'], at: '-6d 09:05',
        subject: 'Lieferverzögerung Lager München - Abstimmung am Donnerstag',
        html: `<p>Hallo zusammen,</p><p>die Lieferung der Weihnachtsdisplays für das Lager München verzögert sich um etwa eine Woche. Bitte prüft bis Donnerstag:</p><ul><li>Welche Filialen sind betroffen?</li><li>Können wir Ware aus Hamburg umleiten?</li><li>Müssen wir die Kunden informieren?</li></ul><p>Ich schlage eine kurze Abstimmung am <b>Donnerstag um 10:00 Uhr</b> vor.</p><p>Viele Grüße<br>Johanna</p>`,
      },
      {
        from: 'klaus.becker', to: ['johanna.lorenz', 'henrietta.mueller'], cc: ['anna.schmidt'], at: '-6d 11:32',
        subject: 'AW: Lieferverzögerung Lager München - Abstimmung am Donnerstag',
        html: `<p>Hallo Johanna,</p><p>betroffen sind die Filialen Marienplatz, Pasing und Augsburg. Aus Hamburg können wir etwa 60&nbsp;% umleiten; die Spedition bestätigt morgen früh. Donnerstag 10:00 Uhr passt mir.</p><p>Grüße aus dem Lager<br>Klaus</p>`,
        unreadBy: ['anna.schmidt'],
        flaggedBy: ['henrietta.mueller'],
      },
    ],
  },
  {
    key: 'tokyo-office-move',
    messages: [
      {
        from: 'hiroshi.tanaka', to: ['yuki.sato', 'aiko.nakamura'], cc: ['kenji.watanabe'], at: '-5d 01:30',
        subject: '東京オフィス移転の件（12月）',
        html: `<p>皆さん、お疲れ様です。田中です。</p><p>東京オフィスの移転日程が決まりましたのでお知らせします。</p><table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>日付</th><th>作業</th></tr><tr><td>12月4日（金）</td><td>荷造り・PCのバックアップ</td></tr><tr><td>12月5日（土）</td><td>引っ越し作業</td></tr><tr><td>12月7日（月）</td><td>新オフィスで業務開始</td></tr></table><p>新住所：東京都千代田区丸の内1-2-3 丸の内テラス12階</p><p>ご不明な点があれば連絡してください。<br>よろしくお願いいたします。</p>`,
      },
      {
        from: 'yuki.sato', to: ['hiroshi.tanaka', 'aiko.nakamura'], cc: ['kenji.watanabe'], at: '-5d 02:45',
        html: `<p>田中さん</p><p>ご連絡ありがとうございます。12月4日は顧客訪問があるため、荷造りは3日の夕方に済ませておきます。</p><p>佐藤</p>`,
        unreadBy: ['aiko.nakamura'],
      },
    ],
  },
  {
    key: 'bengaluru-diwali',
    messages: [
      {
        from: 'priya.nair', to: ['pradeep.gupta', 'raj.patel', 'arjun.mehta'], at: '-13d 06:15',
        subject: 'दिवाली समारोह की तैयारी - बेंगलुरु ऑफिस',
        html: `<p>नमस्ते सभी,</p><p>इस शुक्रवार, <b>6 नवंबर</b> को शाम 4 बजे ऑफिस में दिवाली समारोह होगा। तैयारी के लिए:</p><ul><li>रंगोली - प्रिया और अर्जुन</li><li>मिठाई और नाश्ता - राज</li><li>संगीत और सजावट - प्रदीप</li></ul><p>कृपया गुरुवार तक बताएं कि आप आएंगे या नहीं।</p><p>धन्यवाद,<br>प्रिया</p>`,
      },
      {
        from: 'raj.patel', to: ['priya.nair', 'pradeep.gupta', 'arjun.mehta'], at: '-13d 08:02',
        html: `<p>प्रिया जी,</p><p>मिठाई का ऑर्डर हो गया है - काजू कतली और गुलाब जामुन। मैं ज़रूर आऊँगा।</p><p>राज</p>`,
        unreadBy: ['pradeep.gupta'],
      },
    ],
  },
  {
    key: 'northwind-christmas-order',
    messages: [
      {
        from: 'Élodie Martin <elodie.martin@northwind.example>', to: ['christie.cline'], cc: ['adele.vance'], at: '-6d 10:20',
        subject: 'Commande de Noël - confirmation des quantités',
        html: `<p>Bonjour Christie,</p><p>Suite à notre échange, voici les quantités que nous souhaitons confirmer pour la commande de Noël :</p><table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>Article</th><th>Quantité</th><th>Livraison</th></tr><tr><td>Enceinte connectée Contoso (noire)</td><td>250</td><td>27 novembre</td></tr><tr><td>Chargeur USB-C de voyage</td><td>400</td><td>27 novembre</td></tr><tr><td>Coffret cadeau « Hiver »</td><td>120</td><td>4 décembre</td></tr></table><p>Pourriez-vous nous confirmer les délais de livraison vers Lyon ?</p><p>Bien cordialement,<br>Élodie Martin<br>Responsable des achats, Northwind Traders France</p>`,
        unreadBy: [],
      },
      {
        from: 'christie.cline', to: ['Élodie Martin <elodie.martin@northwind.example>'], cc: ['adele.vance'], at: '-6d 13:02',
        html: `<p>Bonjour Élodie,</p><p>Merci pour votre message. Je confirme les quantités et les dates de livraison pour Lyon. Le coffret « Hiver » pourrait arriver dès le 2 décembre ; je vous tiens informée.</p><p>Bien à vous,<br>Christie Cline<br>Contoso Ltd.</p>`,
        unreadBy: ['adele.vance'],
      },
    ],
  },
  {
    key: 'sprint-42-retro',
    messages: [
      {
        from: 'grady.archie', to: ['johanna.lorenz', 'pradeep.gupta', 'hiroshi.tanaka'], cc: ['lee.gu'], at: '-10d 17:45',
        subject: 'Sprint 42 retro notes',
        text: 'Hi all,\n\nThanks for a good retro. The notes are attached; the three actions are:\n\n1. Quarantine the flaky end-to-end tests (Johanna)\n2. Disk alerts on staging (Pradeep)\n3. Demo script for release 3.2 (Hiroshi)\n\nLet us check progress at Thursday\'s stand-up.\n\nGrady',
        attachments: ['retro-notes'],
        unreadBy: ['hiroshi.tanaka'],
      },
    ],
  },
  {
    key: 'release-go-no-go',
    messages: [
      {
        from: 'lynne.robbins', to: ['lee.gu', 'grady.archie'], at: '-4d 18:20', importance: 'high',
        subject: 'Release 3.2 go/no-go',
        html: `<p>Lee, Grady,</p><p>Status against the release criteria:</p><table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>Criterion</th><th>Status</th></tr><tr><td>No open severity 1 bugs</td><td style="color:green">Met</td></tr><tr><td>p95 checkout latency &lt; 200 ms</td><td style="color:green">Met (180 ms)</td></tr><tr><td>Security review signed off</td><td style="color:green">Met</td></tr><tr><td>Runbook updated</td><td style="color:#c60">In progress</td></tr></table><p>I recommend <b>go</b> for Tuesday, provided the runbook is done by Monday.</p><p>Lynne</p>`,
      },
      { from: 'lee.gu', to: ['lynne.robbins', 'grady.archie'], at: '-4d 19:02', html: '<p>Go. Thanks, Lynne.</p><p>Lee</p>', completedBy: ['lynne.robbins'] },
    ],
  },
  {
    key: 'month-end-close',
    messages: [
      {
        from: 'nestor.wilke', to: ['sofia.rossi', 'raj.patel'], at: '-3d 17:10',
        subject: 'Month-end close checklist - November',
        html: `<p>Sofia, Raj,</p><p>The November close checklist is attached. The flash P&amp;L is due to me on <b>December 5</b>. Please keep the status column current.</p><p>Nestor</p>`,
        attachments: ['close-checklist'],
        flaggedBy: ['sofia.rossi'],
        categories: { 'sofia.rossi': ['Month-end'] },
      },
    ],
  },
  {
    key: 'fabrikam-nda',
    messages: [
      {
        from: 'irvin.sayers', to: ['olivia.bennett'], at: '-12d 10:30',
        subject: 'NDA review - Fabrikam',
        html: `<p>Olivia,</p><p>Please review the attached draft mutual NDA with Fabrikam. Focus on the term and the survival clause; Sales wants to share forecasts under it.</p><p>Irvin</p>`,
        attachments: ['nda-draft'],
      },
      {
        from: 'olivia.bennett', to: ['irvin.sayers'], at: '-11d 14:55',
        html: `<p>Irvin,</p><p>Reviewed. Two suggestions: limit the survival period to three years (already in the draft) and add a clause excluding information that is independently developed. Marked-up version to follow.</p><p>Olivia</p>`,
      },
    ],
  },
  {
    key: 'holiday-campaign',
    messages: [
      {
        from: 'megan.bowen', to: ['miriam.graham', 'emily.braun', 'allan.deyoung', 'priya.nair'], at: '-5d 20:00',
        subject: 'Holiday campaign creative - final review',
        html: `<p><img src="cid:holiday-banner@contoso.sandbox" alt="Holiday campaign banner" width="120" height="40"></p><p>Team,</p><p>Here is the final banner for the holiday campaign. Please review the copy deck on the <a href="https://contoso.sandbox/sites/marketing/holiday-2026">campaign site</a> and send feedback by <b>Thursday noon</b>.</p><p>Megan</p>`,
        attachments: ['campaign-banner'],
        categories: { 'miriam.graham': ['Purple category'], 'megan.bowen': ['Purple category'] },
        unreadBy: ['allan.deyoung'],
      },
    ],
  },
  {
    key: 'peak-season-capacity',
    messages: [
      {
        from: 'joni.sherman', to: ['lidia.holloway', 'klaus.becker'], at: '-12d 13:40',
        subject: 'Warehouse capacity for peak season',
        html: `<p>Lidia, Klaus,</p><p>Please send me your peak-season capacity numbers (pallet positions free, temporary staff booked) for New York and Munich by Friday.</p><p>Joni</p>`,
      },
      {
        from: 'lidia.holloway', to: ['joni.sherman', 'klaus.becker'], at: '-11d 15:10',
        html: `<p>Joni,</p><p>New York: 420 pallet positions free, 12 temporary staff booked from November 23.</p><p>Lidia</p>`,
      },
    ],
  },
  {
    key: 'laptop-refresh',
    messages: [
      {
        from: 'debra.berger', to: ['aiko.nakamura', 'arjun.mehta'], at: '-3d 02:20',
        subject: 'Laptop refresh - wave 3 schedule',
        html: `<p>Hi Aiko, hi Arjun,</p><p>Wave 3 of the laptop refresh covers Tokyo and Bengaluru. The schedule is attached; please book 30 minutes with each person for data migration.</p><p>Debra</p>`,
        attachments: ['laptop-refresh'],
        unreadBy: ['arjun.mehta'],
      },
    ],
  },
];
