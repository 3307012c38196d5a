// Excel's workbook API in the sandbox over real HTTP, on Adele's seeded budget workbook: ranges with formulas,
// writes that recalculate dependents, sessions (persistent ones reach the file as new versions, non-persistent
// ones never do, an ended one is refused with Excel's error), tables with rows, sort and filters, named items,
// and the file downloaded afterwards holding what was written.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BUDGET_WORKBOOK } from '../../src/sandbox/testing.js';
import { ADELE, graph, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const WB = `/me/drive/root:${BUDGET_WORKBOOK.path.split('/').map(encodeURIComponent).join('/')}:/workbook`;
const S = `${WB}/worksheets/Budget`;

async function download(token: Parameters<typeof graph>[1]): Promise<ExcelJS.Workbook> {
  const meta = await graph(sb, token, `/me/drive/root:${BUDGET_WORKBOOK.path}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await fetch(meta.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
  return wb;
}

describe('workbook API', () => {
  it('reads a range with formulas computed, the used range, tables and names; needs Files.ReadWrite', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.ReadWrite');
    const r = await graph(sb, adele, `${S}/range(address='A1:F6')`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ address: 'Budget!A1:F6', rowCount: 6, columnCount: 6, rowIndex: 0, columnIndex: 0 });
    expect(r.body.values[1]).toEqual(['Rent', 42000, 42000, 43000, 43000, 170000]);
    expect(r.body.formulas[5][5]).toBe('=SUM(F2:F5)');
    expect(r.body.values[5][5]).toBe(170000 + 760000 + 113000 + 46000);
    expect(r.body.valueTypes[0][0]).toBe('String');
    expect((await graph(sb, adele, `${S}/usedRange(valuesOnly=true)?$select=address`)).body.address).toBe('Budget!A1:F6');
    expect((await graph(sb, adele, `${WB}/tables`)).body.value.map((t: { name: string }) => t.name)).toEqual(['Expenses']);
    expect((await graph(sb, adele, `${WB}/tables/Expenses/headerRowRange`)).body.values).toEqual([BUDGET_WORKBOOK.rows[0]]);
    expect((await graph(sb, adele, `${WB}/names`)).body.value[0]).toMatchObject({ name: 'YearTotal', type: 'Range' });
    expect((await graph(sb, await sb.graphAs(ADELE, 'Files.Read'), `${WB}/worksheets`)).status).toBe(403);
    expect((await graph(sb, adele, `${WB}/worksheets/Nope/range(address='A1')`)).status).toBe(404);
  });

  it('ten writes in a persistent session recalculate dependents and are all in the downloaded file', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.ReadWrite');
    const session = await graph(sb, adele, `${WB}/createSession`, { method: 'POST', body: { persistChanges: true } });
    expect(session.status).toBe(201);
    const headers = { 'workbook-session-id': session.body.id };
    for (let i = 0; i < 10; i++) {
      const w = await graph(sb, adele, `${S}/range(address='B2')`, { method: 'PATCH', headers, body: { values: [[50000 + i]] } });
      expect(w.status, w.text).toBe(200);
    }
    const total = await graph(sb, adele, `${S}/range(address='F2')`, { headers });
    expect(total.body.values).toEqual([[50009 + 42000 + 43000 + 43000]]);
    const bad = await graph(sb, adele, `${S}/range(address='A1:B2')`, { method: 'PATCH', headers, body: { values: [[1]] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('InvalidArgument');
    const file = await download(adele);
    expect(file.getWorksheet('Budget')!.getCell('B2').value).toBe(50009);
    expect((file.getWorksheet('Budget')!.getCell('F2').value as { formula: string; result: number })).toMatchObject({ formula: 'SUM(B2:E2)', result: 178009 });
    await graph(sb, adele, `${WB}/closeSession`, { method: 'POST', headers });
    const ended = await graph(sb, adele, `${S}/range(address='B2')`, { method: 'PATCH', headers, body: { values: [[1]] } });
    expect(ended.status).toBe(404);
    expect(ended.body.error.innerError.code).toBe('invalidSessionReCreatable');
    expect((await download(adele)).getWorksheet('Budget')!.getCell('B2').value).toBe(50009);
  });

  it("a non-persistent session's changes never reach the file", async () => {
    const adele = await sb.graphAs(ADELE, 'Files.ReadWrite');
    const before = (await graph(sb, adele, `/me/drive/root:${BUDGET_WORKBOOK.path}`)).body.eTag;
    const session = await graph(sb, adele, `${WB}/createSession`, { method: 'POST', body: { persistChanges: false } });
    const headers = { 'workbook-session-id': session.body.id };
    await graph(sb, adele, `${S}/range(address='C3')`, { method: 'PATCH', headers, body: { values: [[1]] } });
    expect((await graph(sb, adele, `${S}/range(address='C3')`, { headers })).body.values).toEqual([[1]]);
    expect((await graph(sb, adele, `${S}/range(address='C3')`)).body.values).toEqual([[184000]]);
    expect((await graph(sb, adele, `/me/drive/root:${BUDGET_WORKBOOK.path}`)).body.eTag).toBe(before);
  });

  it('adds table rows, sorts and filters a table, computes unknown functions as #NAME?', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.ReadWrite');
    const added = await graph(sb, adele, `${WB}/tables/Expenses/rows/add`, { method: 'POST', body: { values: [['Travel', 5000, 6000, 7000, 8000, '=SUM(B6:E6)']] } });
    expect(added.status, added.text).toBe(201);
    expect(added.body.values).toEqual([['Travel', 5000, 6000, 7000, 8000, 26000]]);
    expect((await graph(sb, adele, `${WB}/tables/Expenses/range`)).body.address).toBe('Budget!A1:F6');
    // The total row below the table moved down to make room.
    expect((await graph(sb, adele, `${S}/range(address='A7')`)).body.values).toEqual([['Total']]);
    const sorted = await graph(sb, adele, `${WB}/tables/Expenses/sort/apply`, { method: 'POST', body: { fields: [{ key: 0, ascending: true }] } });
    expect(sorted.status).toBe(204);
    expect((await graph(sb, adele, `${WB}/tables/Expenses/dataBodyRange`)).body.values.map((r: unknown[]) => r[0])).toEqual(['Display kits', 'Marketing', 'Rent', 'Staff', 'Travel']);
    expect((await graph(sb, adele, `${WB}/tables/Expenses/columns/1/filter/apply`, { method: 'POST', body: { criteria: { filterOn: 'values', values: ['Rent'] } } })).status).toBe(204);
    await graph(sb, adele, `${S}/range(address='H1')`, { method: 'PATCH', body: { formulas: [['=NOSUCHFUNCTION(1)']] } });
    expect((await graph(sb, adele, `${S}/range(address='H1')`)).body.values).toEqual([['#NAME?']]);
    expect((await graph(sb, adele, `${WB}/application/calculate`, { method: 'POST', body: { calculationType: 'Full' } })).status).toBe(204);
  });

  it("refuses a second change racing in one session (409) and throttles in Excel's words", async () => {
    const adele = await sb.graphAs(ADELE, 'Files.ReadWrite');
    const session = await graph(sb, adele, `${WB}/createSession`, { method: 'POST', body: { persistChanges: true } });
    const headers = { 'workbook-session-id': session.body.id };
    const both = await Promise.all([1, 2].map((v) => graph(sb, adele, `${S}/range(address='D2')`, { method: 'PATCH', headers, body: { values: [[v]] } })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.innerError.code).toBe('accessConflict');
    sb.faults.add({ path: '/workbook/', rate: { requests: 1, perSeconds: 5 } });
    try {
      await graph(sb, adele, `${S}/range(address='D2')`, { headers });
      const throttled = await graph(sb, adele, `${S}/range(address='D2')`, { headers });
      expect(throttled.status).toBe(429);
      expect(throttled.body.error).toMatchObject({ code: 'tooManyRequests', innerError: { code: 'MaxRequestsExceeded' } });
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      sb.faults.clear();
    }
  });
});
