// Reading workbooks: what a workbook holds (sheets with their used ranges, tables with their columns, named
// ranges), and a range, a sheet's used range or a table, a page of rows at a time, as values (formulas on
// request), never the whole Graph range object.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { Cursor, isOffset, Limit, positionCursor, readPositionCursor } from '../content/paging.js';
import { ToolError } from '../define-tool.js';
import { ItemInput } from '../drives.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { cellsOf, parseRange, splitSheet } from './address.js';
import { reading } from './sessions.js';
import { WORKBOOK, workbookPath } from './workbook.js';

type Scalar = string | number | boolean;
/** A cell as Graph gives it: text, number or boolean; an empty cell is "". */
const CellValue = z.union([z.string(), z.number(), z.boolean()]);
interface GraphRange {
  address: string;
  values?: Scalar[][];
  formulas?: Scalar[][];
  rowCount?: number;
}

export const WorkbookItem = ItemInput('Workbook: path like /Budget.xlsx, or id');

export const describeWorkbook = ownerTool(WORKBOOK, {
  name: 'excel_describe',
  title: 'Describe a workbook',
  description: 'A workbook\'s sheets with their used ranges, its tables with their columns and row counts, and its named ranges.',
  kind: 'read',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: { item: WorkbookItem },
  output: z.object({
    sheets: z.array(z.object({ name: z.string(), used: z.string().optional() })),
    tables: z.array(z.object({ name: z.string(), range: z.string().optional(), columns: z.array(z.string()), rows: z.number().optional() })),
    names: z.array(z.object({ name: z.string(), refersTo: z.string() })),
  }),
  handler: async ({ item }, { graph, signal }, d) => {
    const wb = workbookPath(d.root, item);
    return reading(graph, wb, async (headers) => {
      const opts = { headers, signal };
      const [sheets, tables, names] = await Promise.all([
        graph.get<{ value: { name: string }[] }>(`${wb}/worksheets`, { ...opts, query: { $select: 'name' } }),
        graph.get<{ value: { name: string }[] }>(`${wb}/tables`, { ...opts, query: { $select: 'name' } }),
        graph.get<{ value: { name: string; value?: string; visible?: boolean }[] }>(`${wb}/names`, opts),
      ]);
      const [used, shapes] = await Promise.all([
        Promise.all(sheets.value.map((s) => graph.get<GraphRange>(`${wb}/worksheets/${seg(s.name)}/usedRange(valuesOnly=true)`, { ...opts, query: { $select: 'address' } }).then((r) => splitSheet(r.address).cells, () => undefined))),
        Promise.all(tables.value.map(async (t) => {
          const [range, cols] = await Promise.all([
            graph.get<GraphRange>(`${wb}/tables/${seg(t.name)}/range`, { ...opts, query: { $select: 'address,rowCount' } }),
            graph.get<{ value: { name: string }[] }>(`${wb}/tables/${seg(t.name)}/columns`, { ...opts, query: { $select: 'name' } }),
          ]);
          return { name: t.name, range: range.address, columns: cols.value.map((c) => c.name), ...(range.rowCount ? { rows: range.rowCount - 1 } : {}) };
        })),
      ]);
      return {
        sheets: sheets.value.map((s, i) => ({ name: s.name, ...(used[i] ? { used: used[i] } : {}) })),
        tables: shapes,
        names: names.value.filter((n) => n.visible !== false).map((n) => ({ name: n.name, refersTo: String(n.value ?? '') })),
      };
    });
  },
  text: (r) => [
    `sheets: ${r.sheets.map((s) => `${s.name}${s.used ? ` (${s.used})` : ''}`).join(', ') || 'none'}`,
    ...r.tables.map((t) => `table ${t.name} at ${t.range ?? '?'}, ${t.rows ?? 0} rows: ${t.columns.join(' | ')}`),
    ...(r.names.length ? [`names: ${r.names.map((n) => `${n.name} = ${n.refersTo}`).join(', ')}`] : []),
  ].join('\n'),
});

export const readRange = ownerTool(WORKBOOK, {
  name: 'excel_read',
  title: 'Read cells',
  description: 'Cells of a workbook as rows of values: a range (Sheet!A1:D20), a table (with its header) or a sheet\'s used range, a page of rows at a time; formulas on request.',
  kind: 'read',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    item: WorkbookItem,
    range: Text(100).optional().describe('A1 range, e.g. Budget!A1:D20'),
    sheet: Text(31).optional().describe('Sheet of range, or whose used range; default: the first'),
    table: Text(255).optional().describe('A table instead of a range'),
    formulas: z.boolean().default(false).describe('Also the formulas'),
    limit: Limit(500, 100).describe('Rows per page'),
    cursor: Cursor,
  },
  output: z.object({
    address: z.string().describe('Of the rows returned'),
    header: z.array(CellValue).optional(),
    rows: z.array(z.array(CellValue)),
    formulas: z.array(z.array(CellValue)).optional(),
    totalRows: z.number(),
    nextCursor: z.string().optional(),
  }),
  handler: async (a, { graph, signal }, d) => {
    if (a.table && a.range) throw new ToolError('Give range or table, not both.');
    const wb = workbookPath(d.root, a.item);
    return reading(graph, wb, async (headers) => {
      const opts = { headers, signal };
      let full: string;
      let header: Scalar[] | undefined;
      if (a.table) full = (await graph.get<GraphRange>(`${wb}/tables/${seg(a.table)}/range`, { ...opts, query: { $select: 'address' } })).address;
      else if (a.range) full = a.range;
      else {
        const sheet = a.sheet ?? (await graph.get<{ value: { name: string }[] }>(`${wb}/worksheets`, { ...opts, query: { $select: 'name', $top: 1 } })).value[0]?.name;
        if (!sheet) throw new ToolError('The workbook has no sheets.');
        full = (await graph.get<GraphRange>(`${wb}/worksheets/${seg(sheet)}/usedRange(valuesOnly=true)`, { ...opts, query: { $select: 'address' } })).address;
      }
      const { sheet: named, cells } = splitSheet(full);
      const sheet = named ?? a.sheet;
      if (!sheet) throw new ToolError(`Say which sheet ${a.range} is on: give sheet, or write the range as SheetName!${a.range}.`);
      const box = parseRange(cells);
      const at = `${wb}/worksheets/${seg(sheet)}/range(address='${(box ? cellsOf(box) : cells).replace(/'/g, "''")}')`;
      const select = a.formulas ? 'address,values,formulas' : 'address,values';
      if (!box) {
        // A name or whole columns: one read, no paging.
        const r = await graph.get<GraphRange>(at, { ...opts, query: { $select: select } });
        return { address: r.address, rows: r.values ?? [], ...(a.formulas ? { formulas: r.formulas ?? [] } : {}), totalRows: r.values?.length ?? 0 };
      }
      const first = a.table ? box.from.row + 1 : box.from.row;
      if (a.table) {
        const h = await graph.get<GraphRange>(`${wb}/worksheets/${seg(sheet)}/range(address='${cellsOf({ from: box.from, to: { col: box.to.col, row: box.from.row } })}')`, { ...opts, query: { $select: 'values' } });
        header = h.values?.[0];
      }
      const total = Math.max(0, box.to.row - first + 1);
      const offset = readPositionCursor(a.cursor, full, isOffset, 'range', 'range (or table, or sheet)') ?? 0;
      const from = { col: box.from.col, row: first + offset };
      const to = { col: box.to.col, row: Math.min(box.to.row, first + offset + a.limit - 1) };
      if (from.row > to.row) return { address: full, ...(header ? { header } : {}), rows: [], totalRows: total };
      const page = await graph.get<GraphRange>(`${wb}/worksheets/${seg(sheet)}/range(address='${cellsOf({ from, to })}')`, { ...opts, query: { $select: select } });
      const more = to.row < box.to.row;
      return {
        address: page.address,
        ...(header ? { header } : {}),
        rows: page.values ?? [],
        ...(a.formulas ? { formulas: page.formulas ?? [] } : {}),
        totalRows: total,
        ...(more ? { nextCursor: positionCursor(full, offset + a.limit) } : {}),
      };
    });
  },
  text: (r) => {
    const firstRow = Number(/(\d+)(?::|$)/.exec(splitSheet(r.address).cells)?.[1] ?? 1);
    const line = (row: Scalar[], i: number) => `${firstRow + i}\t${row.map((v, j) => (r.formulas?.[i]?.[j] && String(r.formulas[i][j]).startsWith('=') ? `${v} [${r.formulas[i][j]}]` : String(v))).join('\t')}`;
    return [`${r.address}: ${r.rows.length} of ${r.totalRows} rows`, ...(r.header ? [`header\t${r.header.join('\t')}`] : []), ...r.rows.map(line), ...(r.nextCursor ? [`more: pass cursor ${r.nextCursor}`] : [])].join('\n');
  },
});

export default [describeWorkbook, readRange];
