// The demo organization's files: every person's OneDrive with a small realistic tree (Adele's fuller, for demos
// and tests), each SharePoint site's "Documents" library with its department's documents, and files shared
// between people. Real DOCX, XLSX, PPTX, PDF and PNG bytes, HTML and text; the words of each document are also kept for search and
// for conversion to PDF. The order of this walk fixes every id, so append, never reorder.

import { docx, pdf, png, xlsx } from '../../content/office-files.js';
import { pptx } from '../../content/office-pptx.js';
import type { Directory } from '../../directory/directory.js';
import { addDrive, createFolder, createState, newDriveId, newItemId, writeFile, type DriveItem, type DrivesState } from './model.js';

const AT = '2026-10-05T09:00:00Z';

type Doc = [path: string, kind: 'docx' | 'xlsx' | 'pptx' | 'potx' | 'pdf' | 'txt' | 'csv' | 'rtf' | 'html' | 'png', title: string, lines: string[]];

const ADELE: Doc[] = [
  ['/Sales/Q4 retail forecast.xlsx', 'xlsx', 'Forecast', ['Store,October,November,December', 'Bellevue Square,182000,214000,298000', 'Redmond Town Center,121000,139000,201000', 'Southcenter,97000,118000,176000']],
  ['/Sales/Store visits/Bellevue Square notes.docx', 'docx', 'Store visit: Bellevue Square', ['Foot traffic up 12% on the holiday display weekend.', 'The winter window needs brighter lighting; ask facilities.', 'Staffing for December weekends: two more associates.']],
  ['/Holiday 2026/Display kit plan.docx', 'docx', 'Holiday display kits', ['# Delivery', 'Fabrikam delivers 40 display kits by November 20.', '## Fitting', 'Each store installs its kit before the Black Friday weekend.', '# Budget', 'Budget owner: Adele Vance.']],
  ['/Holiday 2026/Display kit budget.xlsx', 'xlsx', 'Budget', ['Item,Quantity,Unit cost', 'Display kit,40,850', 'Lighting,40,120', 'Installation,40,200']],
  ['/Reports/Weekly sales report.pdf', 'pdf', 'Weekly sales report', ['Week 44: revenue 412,000 USD, up 8% on last year.', 'Best seller: the winter jacket collection.', 'Returns steady at 3.1%.']],
  ['/Reports/store-sales.csv', 'csv', '', ['store,week,revenue', 'Bellevue Square,44,182000', 'Redmond Town Center,44,121000', 'Southcenter,44,97000']],
  ['/Archive/Price list 2025.rtf', 'rtf', 'Price list 2025', ['Winter jacket: 189 USD', 'Rain shell: 129 USD', 'Fleece: 79 USD']],
  ['/Pictures/Store front.png', 'png', 'Store front', []],
  ['/Notes.txt', 'txt', '', ['Call Jordan at Fabrikam about the kit delivery dates.', 'Review the Q4 forecast with Alex before Friday.']],
];

function bytesOf(kind: Doc[1], title: string, lines: string[]): { content: Buffer; text: string; image?: { width: number; height: number } } {
  const text = [title, ...lines].filter(Boolean).join('\n');
  switch (kind) {
    case 'docx': return { content: docx(title, lines), text: text.replace(/^#{1,3} /gm, '') };
    case 'xlsx': return { content: xlsx(title, lines.map((l) => l.split(',').map((c) => (/^\d+$/.test(c) ? Number(c) : c)))), text };
    case 'pdf': return { content: pdf(title, lines), text };
    // A deck's slides are "Heading: line; line" entries (" >> " then the speaker notes), the title slide first.
    // A template (.potx) carries the brand's design: its theme, accent colour and font.
    case 'pptx': case 'potx': return { content: pptx([{ title, lines: [] }, ...lines.map((entry) => { const [l, notes] = entry.split(' >> '); return { title: l.split(': ')[0], lines: l.split(': ').slice(1).join(': ').split('; '), ...(notes ? { notes: [notes] } : {}) }; })], kind === 'potx' ? BRAND_DESIGN : {}), text: text.replace(/ >> /g, '\n') };
    case 'html': return { content: Buffer.from(`<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>\n`, 'utf8'), text };
    case 'png': return { content: png(64, 48, [[200, 40, 40], [240, 240, 240], [40, 90, 200]]), text: '', image: { width: 64, height: 48 } };
    case 'rtf': return { content: Buffer.from(`{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}}\\f0 ${[title, ...lines].join('\\par ')}}`, 'latin1'), text };
    default: return { content: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), text };
  }
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Creates the folders on the way and the file, as `by`. */
function place(state: DrivesState, root: DriveItem, doc: Doc, by: string): DriveItem {
  const names = doc[0].split('/').filter(Boolean);
  let folder = root;
  for (const n of names.slice(0, -1)) {
    folder = [...state.items.values()].find((i) => i.parentId === folder.id && i.name === n) ?? createFolder(state, folder, n, by);
    folder.created.at = folder.modified.at = AT;
  }
  const { content, text, image } = bytesOf(doc[1], doc[2], doc[3]);
  const f = writeFile(state, folder, names[names.length - 1], content, by, { text, at: AT });
  if (image) f.image = image;
  return f;
}

const ADELE_LATER: Doc[] = [
  ['/Sales/Q4 pipeline review.pptx', 'pptx', 'Q4 pipeline review', ['Pipeline: 38 open opportunities worth 2.1 million USD; 12 expected to close in December >> Stress the December closes; Alex has the list.', 'Risks: Tailspin Toys paused its store refit; Wingtip Toys wants a second quote >> Do not name the Wingtip price in the meeting.', 'Next steps: executive sponsor calls in the first week of December']],
  ['/Reports/Store newsletter.html', 'html', 'Store newsletter: December', ['The Bellevue Square team won the window contest with its snow globe display.', 'Reminder: inventory count on Sunday, January 3, before opening.']],
];

/** Adele's budget workbook for Excel's API: a table of expenses by quarter, totals by formula, a named total. */
export const BUDGET_WORKBOOK = {
  path: '/Reports/Budget 2026.xlsx',
  sheet: 'Budget',
  table: 'Expenses',
  rows: [
    ['Item', 'Q1', 'Q2', 'Q3', 'Q4', 'Year'],
    ['Rent', 42000, 42000, 43000, 43000, '=SUM(B2:E2)'],
    ['Staff', 180000, 184000, 186000, 210000, '=SUM(B3:E3)'],
    ['Marketing', 25000, 18000, 22000, 48000, '=SUM(B4:E4)'],
    ['Display kits', 0, 0, 12000, 34000, '=SUM(B5:E5)'],
    ['Total', '=SUM(B2:B5)', '=SUM(C2:C5)', '=SUM(D2:D5)', '=SUM(E2:E5)', '=SUM(F2:F5)'],
  ] as (string | number)[][],
};

/** The design of Contoso's deck template: what a deck made from it must carry. */
export const BRAND_DESIGN = { theme: 'Contoso Brand', accent: 'C00000', font: 'Segoe UI', template: true };

/** Added last: Adele's copy of the brand's deck template, with an example slide a new deck does not keep. */
export const DECK_TEMPLATE: Doc = ['/Templates/Contoso brand.potx', 'potx', 'Contoso brand template', ['Example slide: Replace this slide with your own']];

/** What the sites' libraries besides "Documents" hold, by library name. */
const LIBRARY_DOCS: Record<string, Doc[]> = {
  'Brand Assets': [
    ['/Logos/Contoso logo.png', 'png', 'Contoso logo', []],
    ['/Templates/Campaign deck template.pptx', 'pptx', 'Campaign deck template', ['Audience: who the campaign speaks to; what they need', 'Message: one sentence; three proof points']],
  ],
  'Design Reviews': [
    ['/2026/Inventory sync review.docx', 'docx', 'Design review: inventory sync', ['Stores push stock changes every five minutes; the warehouse reconciles nightly.', 'Decision: keep the queue, drop the polling job.']],
  ],
};

const personalDocs = (department: string, given: string): Doc[] => [
  [`/${department}/${department} plan 2027.docx`, 'docx', `${department} plan 2027`, [`Goals of ${department} for 2027, drafted by ${given}.`, 'Hiring, budget and the three priorities for the year.']],
  [`/${department}/${department} budget 2027.xlsx`, 'xlsx', 'Budget', ['Line,Amount', 'People,420000', 'Travel,38000', 'Tools,52000']],
  ['/Notes.txt', 'txt', '', [`To do for ${given}: expenses, 1:1 notes, training.`]],
];

const SITE_DOCS: Record<string, Doc[]> = {
  Intranet: [
    ['/Employee handbook.pdf', 'pdf', 'Contoso employee handbook', ['Working hours, time off and benefits.', 'Our code of conduct and how to raise a concern.']],
    ['/Policies/Travel policy.docx', 'docx', 'Travel policy', ['Book travel through the travel desk at least 14 days ahead.', 'Economy class for flights under six hours.']],
    ['/Policies/Expense policy.docx', 'docx', 'Expense policy', ['Submit expenses within 30 days with receipts.', 'Meals up to 75 USD a day when travelling.']],
  ],
  Sales: [
    ['/Proposals/Fabrikam holiday displays proposal.docx', 'docx', 'Proposal: holiday displays for Fabrikam', ['Forty display kits, installed in every store by November 20.', 'Total: 46,800 USD.']],
    ['/Pricing/Price list 2027.xlsx', 'xlsx', 'Prices', ['Product,Price', 'Winter jacket,199', 'Rain shell,135', 'Fleece,82']],
  ],
  Engineering: [
    ['/Specs/Payment service design.docx', 'docx', 'Payment service design', ['The payment service settles card transactions within two seconds.', 'Retries are idempotent, keyed by the order id.']],
    ['/Runbooks/On-call runbook.docx', 'docx', 'On-call runbook', ['Page the secondary after 15 minutes without acknowledgement.', 'Post-incident review within five working days.']],
  ],
  Marketing: [
    ['/Brand/Brand guidelines.pdf', 'pdf', 'Contoso brand guidelines', ['Use the Contoso blue on light backgrounds.', 'The logo keeps clear space of one letter height.']],
    ['/Campaigns/Spring launch plan.docx', 'docx', 'Spring launch plan', ['Launch on March 15 with a social campaign and in-store events.']],
  ],
  Finance: [
    ['/Budget FY27.xlsx', 'xlsx', 'Budget FY27', ['Department,Budget', 'Sales,2400000', 'Engineering,5100000', 'Marketing,1800000']],
    ['/Forecasts/Q1 forecast.xlsx', 'xlsx', 'Q1', ['Month,Revenue', 'January,3100000', 'February,2900000', 'March,3400000']],
  ],
};

/** The personal site host of OneDrive for Business, beside the tenant's SharePoint host. */
const myHost = (directory: Directory) => (directory.sites[0]?.webUrl ? new URL(directory.sites[0].webUrl).host.replace('.sharepoint.com', '-my.sharepoint.com') : 'contoso-my.sharepoint.com');

export function seedDrives(directory: Directory): DrivesState {
  const state = createState(directory);
  const shared = new Set(directory.sharedMailboxes.map((m) => m.userId));
  const roots = new Map<string, DriveItem>();
  for (const u of directory.users.filter((x) => !shared.has(x.id))) {
    const key = u.userPrincipalName.replace(/[@.]/g, '_');
    const drive = addDrive(state, { id: newDriveId(`user:${u.id}`), driveType: 'business', name: 'OneDrive', description: '', owner: { userId: u.id }, webUrl: `https://${myHost(directory)}/personal/${key}/Documents`, created: AT }, u.id);
    const root = state.items.get(drive.rootId)!;
    roots.set(u.userPrincipalName.split('@')[0], root);
    const docs = u.userPrincipalName.startsWith('adele.vance@') ? ADELE : personalDocs(u.department ?? 'Team', u.givenName ?? u.displayName);
    for (const d of docs) place(state, root, d, u.id);
  }
  for (const site of directory.sites) {
    const owner = directory.findUser(site.members[0])!;
    const drive = addDrive(state, { id: newDriveId(`site:${site.id}:Documents`), driveType: 'documentLibrary', name: 'Documents', description: `Documents of ${site.displayName}`, owner: { siteId: site.id }, webUrl: `${site.webUrl}/Shared%20Documents`, created: AT }, owner.id);
    for (const d of SITE_DOCS[site.name] ?? []) place(state, state.items.get(drive.rootId)!, d, owner.id);
  }
  // Shared between people: Alex's targets for Adele to edit, Megan's brief for Adele to read, Lee's review for all.
  const share = (fromKey: string, doc: Doc, roles: ('read' | 'write')[], toKeys: string[] | 'organization') => {
    const from = directory.findUser(`${fromKey}@${directory.domain}`)!;
    const f = place(state, roots.get(fromKey)!, doc, from.id);
    const link = toKeys === 'organization' ? { type: roles.includes('write') ? 'edit' as const : 'view' as const, scope: 'organization' as const, webUrl: `https://${myHost(directory)}/:w:/g/personal/${newItemId(state)}` } : undefined;
    f.permissions.push({ id: newItemId(state).slice(2, 18), roles, grantees: toKeys === 'organization' ? [] : toKeys.map((k) => directory.findUser(`${k}@${directory.domain}`)!.id), grantedBy: from.id, ...(link ? { link } : {}) });
  };
  share('alex.wilber', ['/Sales/Q4 targets.xlsx', 'xlsx', 'Targets', ['Store,Target', 'Bellevue Square,700000', 'Redmond Town Center,460000']], ['write'], ['adele.vance']);
  share('megan.bowen', ['/Marketing/Holiday campaign brief.docx', 'docx', 'Holiday campaign brief', ['The holiday campaign runs from November 24 to December 31.', 'Stores get window posters and a playlist.']], ['read'], ['adele.vance', 'ben.walters']);
  share('lee.gu', ['/Architecture review.docx', 'docx', 'Architecture review 2026', ['Engineering reviewed the payment and inventory services.']], ['read'], 'organization');
  // Added later, after everything above so no earlier id moves: Adele's deck and newsletter, the sites' other libraries.
  for (const d of ADELE_LATER) place(state, roots.get('adele.vance')!, d, directory.findUser(`adele.vance@${directory.domain}`)!.id);
  {
    const adele = directory.findUser(`adele.vance@${directory.domain}`)!.id;
    const reports = [...state.items.values()].find((i) => i.parentId === roots.get('adele.vance')!.id && i.name === 'Reports')!;
    const b = BUDGET_WORKBOOK;
    const content = xlsx(b.sheet, b.rows, { table: { name: b.table, ref: 'A1:F5', columns: b.rows[0].map(String) }, names: { YearTotal: `${b.sheet}!$F$6` } });
    writeFile(state, reports, 'Budget 2026.xlsx', content, adele, { text: b.rows.map((r) => r.join(' ')).join('\n'), at: AT });
  }
  for (const site of directory.sites) {
    const owner = directory.findUser(site.members[0])!;
    for (const library of site.libraries) {
      const drive = addDrive(state, { id: newDriveId(`site:${site.id}:${library}`), driveType: 'documentLibrary', name: library, description: `${library} of ${site.displayName}`, owner: { siteId: site.id }, webUrl: `${site.webUrl}/${encodeURIComponent(library)}`, created: AT }, owner.id);
      for (const d of LIBRARY_DOCS[library] ?? []) place(state, state.items.get(drive.rootId)!, d, owner.id);
    }
  }
  place(state, roots.get('adele.vance')!, DECK_TEMPLATE, directory.findUser(`adele.vance@${directory.domain}`)!.id);
  return state;
}
