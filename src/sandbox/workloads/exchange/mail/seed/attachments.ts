// The files attached to seeded mail, by key. Names and types are part of the seed's contract (tests and demos
// refer to them): a text note, CSV exports, PDFs, a Word document, Excel workbooks, and an inline PNG banner that
// an HTML body shows through cid:.

import { docx, pdf, png, xlsx } from '../../../../content/office-files.js';

export interface SeedAttachment {
  name: string;
  contentType: string;
  bytes: () => Buffer;
  isInline?: boolean;
  contentId?: string;
}

const utf8 = (s: string) => () => Buffer.from(s.replace(/\n/g, '\r\n'), 'utf8');

export const SEED_ATTACHMENTS: Record<string, SeedAttachment> = {
  'store-visit-notes': {
    name: 'Bellevue-Square-visit-notes.txt',
    contentType: 'text/plain',
    bytes: utf8(
      [
        'Store visit - Bellevue Square (store #112)',
        'Visited by: Ben Walters',
        '',
        'Foot traffic: steady, peak 12:00-14:00',
        'Holiday endcaps: 3 of 4 installed; the fourth waits for signage',
        'Stock-outs: Contoso Smart Speaker (white), USB-C travel chargers',
        'Staff feedback: new POS terminals are faster; receipt printer #2 jams',
        '',
        'Follow-ups:',
        '1. Reorder speakers (white) - 40 units',
        '2. Ticket to IT for printer #2',
        '3. Signage for endcap 4 by Friday',
      ].join('\n'),
    ),
  },
  'po-48213-lines': {
    name: 'PO-48213-lines.csv',
    contentType: 'text/csv',
    bytes: utf8(
      [
        'line,sku,description,quantity,unit_price_usd,delivery_date',
        '1,HD-2041,"Holiday window display kit, large",12,189.00,2026-11-24',
        '2,HD-2042,"Holiday window display kit, small",30,74.50,2026-11-24',
        '3,LT-0907,LED light strip 5 m (warm white),120,12.99,2026-11-21',
        '4,SG-1180,"Endcap signage set ""Season of Giving""",45,21.00,2026-11-27',
      ].join('\n'),
    ),
  },
  'close-checklist': {
    name: 'Month-end-close-November.csv',
    contentType: 'text/csv',
    bytes: utf8(
      [
        'step,owner,due,status',
        'Bank reconciliations,Sofia Rossi,2026-12-02,Not started',
        'Accruals review,Raj Patel,2026-12-03,Not started',
        'Intercompany eliminations,Sofia Rossi,2026-12-03,Not started',
        'Revenue cut-off testing,Raj Patel,2026-12-04,Not started',
        'Flash P&L to CFO,Nestor Wilke,2026-12-05,Not started',
      ].join('\n'),
    ),
  },
  'q4-forecast': {
    name: 'Q4-Retail-Forecast.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: () =>
      xlsx('Forecast', [
        ['Region', 'October (USD)', 'November (USD)', 'December (USD)', 'Owner'],
        ['North America', 1240000, 1385000, 1920000, 'Adele Vance'],
        ['EMEA', 860000, 910000, 1310000, 'Christie Cline'],
        ['Germany', 310000, 335000, 480000, 'Henrietta Mueller'],
        ['Japan', 420000, 440000, 615000, 'Yuki Sato'],
      ]),
  },
  'laptop-refresh': {
    name: 'Laptop-refresh-wave-3.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: () =>
      xlsx('Wave 3', [
        ['Employee', 'Site', 'Current model', 'Replacement', 'Date'],
        ['Aiko Nakamura', 'Tokyo', 'Surface Laptop 4', 'Surface Laptop 7', '2026-12-01'],
        ['Arjun Mehta', 'Bengaluru', 'Surface Laptop 4', 'Surface Laptop 7', '2026-12-02'],
        ['Pradeep Gupta', 'Bengaluru', 'Surface Pro 7', 'Surface Pro 11', '2026-12-02'],
        ['Hiroshi Tanaka', 'Tokyo', 'Surface Pro 7', 'Surface Pro 11', '2026-12-03'],
      ]),
  },
  'retro-notes': {
    name: 'Sprint-42-Retrospective.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: () =>
      docx('Sprint 42 retrospective', [
        'What went well: the checkout service met its latency budget (p95 180 ms); pairing across Munich and Bengaluru.',
        'What did not: flaky end-to-end tests cost two days; the staging database ran out of disk once.',
        'Actions: quarantine flaky tests (Johanna), disk alerts on staging (Pradeep), demo script for 3.2 (Hiroshi).',
      ]),
  },
  'board-deck-notes': {
    name: 'Board-update-Q4-draft-v3.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: () =>
      docx('Board update - Q4 (draft v3)', [
        'Revenue is tracking 6% above plan, driven by North America retail and the new EMEA partners.',
        'Gross margin is flat; freight costs rose in October and eased in November.',
        'Asks for the board: approve the Tokyo office move and the FY27 hiring plan.',
      ]),
  },
  'benefits-guide': {
    name: 'Benefits-Guide-2027.pdf',
    contentType: 'application/pdf',
    bytes: () =>
      pdf('Contoso Benefits Guide 2027', [
        'Open enrollment: November 2 - November 30, 2026.',
        'Medical: three plans (Basic, Plus, Premier); Premier adds vision and dental.',
        'Retirement: company match rises to 5% from January 1, 2027.',
        'Wellbeing: USD 600 yearly allowance for fitness, learning and home office.',
        'Questions: hr@contoso.sandbox or your HR generalist.',
      ]),
  },
  'nda-draft': {
    name: 'Fabrikam-Mutual-NDA-draft.pdf',
    contentType: 'application/pdf',
    bytes: () =>
      pdf('Mutual Non-Disclosure Agreement (draft)', [
        'Parties: Contoso Ltd. and Fabrikam, Inc.',
        'Purpose: evaluation of a joint holiday retail programme.',
        'Term: two years from signature; confidentiality survives three years.',
        'Governing law: State of Washington.',
        'Status: DRAFT for internal legal review - not for signature.',
      ]),
  },
  'campaign-banner': {
    name: 'holiday-banner.png',
    contentType: 'image/png',
    bytes: () => png(120, 40, [[0x0b, 0x3d, 0x91], [0xc8, 0x10, 0x2e], [0xf2, 0xc8, 0x11]]),
    isInline: true,
    contentId: 'holiday-banner@contoso.sandbox',
  },
};
