// The Excel tools through a real MCP client against the sandbox's workbook API, on Adele's budget workbook:
// what it holds, a range with formulas and a table a page at a time, writes that recalculate (ten in one managed
// session, all in the downloaded file), a session that ended mid-sequence renewed and the write made once, table
// rows, sort and filter, a new sheet; a colleague's workbook without site writes says what works instead.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_WORKBOOK } from '../src/sandbox/testing.js';
import { ADELE, type Connected, fails, graph, ok, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});
const item = BUDGET_WORKBOOK.path;
type Read = { address: string; header?: unknown[]; rows: unknown[][]; formulas?: unknown[][]; totalRows: number; nextCursor?: string };

async function stored(): Promise<ExcelJS.Worksheet> {
  const token = await sandbox.graphAs(ADELE, 'Files.Read');
  const meta = await graph(sandbox, token, `/me/drive/root:${item}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await fetch(meta.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
  return wb.getWorksheet('Budget')!;
}

describe('excel', () => {
  it('describes the workbook and reads a range with formulas, a table with its header, page by page', async () => {
    const d = await ok<{ sheets: { name: string; used?: string }[]; tables: { name: string; columns: string[]; rows?: number }[]; names: { name: string }[] }>(adele, 'excel_describe', { item });
    expect(d.sheets).toEqual([{ name: 'Budget', used: 'A1:F6' }]);
    expect(d.tables).toEqual([expect.objectContaining({ name: 'Expenses', columns: ['Item', 'Q1', 'Q2', 'Q3', 'Q4', 'Year'], rows: 4 })]);
    expect(d.names.map((n) => n.name)).toEqual(['YearTotal']);
    const r = await ok<Read>(adele, 'excel_read', { item, range: 'Budget!A6:F6', formulas: true });
    expect(r.rows[0][0]).toBe('Total');
    expect(r.formulas![0][5]).toBe('=SUM(F2:F5)');
    const first = await ok<Read>(adele, 'excel_read', { item, table: 'Expenses', limit: 3 });
    expect(first.header).toEqual(BUDGET_WORKBOOK.rows[0]);
    expect(first.rows.map((x) => x[0])).toEqual(['Rent', 'Staff', 'Marketing']);
    const rest = await ok<Read>(adele, 'excel_read', { item, table: 'Expenses', limit: 3, cursor: first.nextCursor });
    expect(rest.rows.map((x) => x[0])).toEqual(['Display kits']);
    expect(rest.nextCursor).toBeUndefined();
    expect(await fails(adele, 'excel_read', { item, range: 'Budget!A1:B2', cursor: first.nextCursor })).toMatch(/another range.*leave out cursor/);
    expect(await fails(adele, 'excel_read', { item, range: 'A1:B2' })).toMatch(/write the range as SheetName!A1:B2/);
    expect((await ok<Read>(adele, 'excel_read', { item, range: 'Budget!A1:B2' })).rows).toEqual([['Item', 'Q1'], ['Rent', 42000]]);
  });

  it('ten writes in one managed session recalculate the totals, and the file holds them all', async () => {
    const before = sandbox.faults.journal.length;
    for (let i = 0; i < 10; i++) {
      const w = await ok<{ address: string; values: unknown[][] }>(adele, 'excel_write', { item, at: 'Budget!B3', values: [[180000 + i * 100]] });
      expect(w.values).toEqual([[180000 + i * 100]]);
    }
    const total = await ok<Read>(adele, 'excel_read', { item, range: 'Budget!B6:F6' });
    expect(total.rows[0][0]).toBe(42000 + 180900 + 25000 + 0);
    const sessions = sandbox.faults.journal.slice(before).filter((e) => e.method === 'POST' && e.path.endsWith('/workbook/createSession'));
    expect(sessions).toHaveLength(1);
    const sheet = await stored();
    expect(sheet.getCell('B3').value).toBe(180900);
    expect((sheet.getCell('B6').value as { result: number }).result).toBe(247900);
    // A formula written is computed at once.
    const f = await ok<{ values: unknown[][] }>(adele, 'excel_write', { item, at: 'Budget!H2', values: [['=F6/4']] });
    expect(f.values[0][0]).toBe((await ok<Read>(adele, 'excel_read', { item, range: 'Budget!F6' })).rows[0][0] as number / 4);
  });

  it('a session that ended mid-sequence is renewed: the write is made once and the answer says so', async () => {
    await ok(adele, 'excel_write', { item, at: 'Budget!C4', values: [[19000]] });
    sandbox.faults.add({ method: 'PATCH', path: '/workbook/worksheets/', status: 404, code: 'itemNotFound', innerCode: 'invalidSessionReCreatable', message: 'The session specified in the request does not exist or is invalid due to a transient error.' });
    const w = await ok<{ values: unknown[][]; note?: string }>(adele, 'excel_write', { item, at: 'Budget!C4', values: [[21000]] });
    expect(w.values).toEqual([[21000]]);
    expect(w.note).toMatch(/session had ended; a new one took over/);
    expect((await stored()).getCell('C4').value).toBe(21000);
  });

  it('adds table rows, sorts and filters the table, adds a sheet, recalculates', async () => {
    const added = await ok<{ values: unknown[][] }>(adele, 'excel_write', { item, table: 'Expenses', values: [['Travel', 5000, 6000, 7000, 8000, '=SUM(B6:E6)']] });
    expect(added.values).toEqual([['Travel', 5000, 6000, 7000, 8000, 26000]]);
    const t = await ok<{ sorted: string[]; filtered: string }>(adele, 'excel_table', { item, table: 'Expenses', sortBy: [{ column: 'Year', descending: true }], filter: { column: 'Item', values: ['Staff', 'Rent'] } });
    expect(t).toMatchObject({ sorted: ['Year descending'], filtered: 'Item in Staff, Rent' });
    const rows = await ok<Read>(adele, 'excel_read', { item, table: 'Expenses' });
    expect(rows.rows[0][0]).toBe('Staff');
    expect(await fails(adele, 'excel_table', { item, table: 'Expenses', sortBy: [{ column: 'Nope' }] })).toMatch(/no column "Nope"; its columns: Item, Q1/);
    const sheet = await ok<{ sheetAdded: string; recalculated: boolean }>(adele, 'excel_write', { item, addSheet: 'Notes 2027', recalculate: true });
    expect(sheet).toMatchObject({ sheetAdded: 'Notes 2027', recalculated: true });
    expect((await ok<{ sheets: { name: string }[] }>(adele, 'excel_describe', { item })).sheets.map((s) => s.name)).toEqual(['Budget', 'Notes 2027']);
  });

  it("a colleague's workbook without site writes says what works instead, and that works", async () => {
    const msg = await fails(adele, 'excel_read', { drive: 'alex.wilber@contoso.sandbox', item: '/Sales/Q4 targets.xlsx' });
    expect(msg).toMatch(/MS365_MCP_SITE_WRITES=true.*files_read reads the workbook as text/);
    const shared = await ok<{ items: { name: string; id: string; driveId?: string }[] }>(adele, 'files_list', { view: 'shared' });
    const targets = shared.items.find((i) => i.name === 'Q4 targets.xlsx')!;
    expect((await ok<{ text: string }>(adele, 'files_read', { drive: targets.driveId, item: targets.id })).text).toMatch(/Bellevue Square\t700000/);
  });
});
