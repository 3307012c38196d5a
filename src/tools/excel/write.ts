// Changing workbooks, in the server's persistent workbook session (sessions.ts): values or formulas into a range,
// rows added to a table, a new sheet, a recalculation; and a table sorted or filtered. Each answer says what the
// cells hold afterwards, so a formula's result is seen without another call.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { List, Text } from '../shapes.js';
import { blockAt, cellsOf, parseRange, splitSheet } from './address.js';
import { WorkbookItem } from './read.js';
import { inSession } from './sessions.js';
import { WORKBOOK, workbookPath } from './workbook.js';

type Scalar = string | number | boolean;
const CellValue = z.union([z.string().max(32_767), z.number(), z.boolean()]);
const Rows = z.array(z.array(CellValue).min(1).max(200)).min(1).max(5000).describe('Rows of cells; "" empties a cell');
const RENEWED = 'The workbook session had ended; a new one took over (earlier changes were already saved).';

const isFormula = (v: Scalar) => typeof v === 'string' && v.startsWith('=');

export const writeCells = ownerTool(WORKBOOK, {
  name: 'excel_write',
  title: 'Write cells',
  description: 'Writes values and formulas (=SUM(B2:B9)) into a range from its top-left cell, or adds rows to a table, or adds a sheet, or recalculates. Answers with the cells as computed.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    item: WorkbookItem,
    at: Text(100).optional().describe('Top-left cell or range, e.g. Budget!B2'),
    table: Text(255).optional().describe('Add values as rows at the end of this table'),
    values: Rows.optional().describe('Rows of cells; text starting with = is a formula; "" empties'),
    addSheet: Text(31).optional().describe('Name of a new sheet to add'),
    recalculate: z.boolean().default(false).describe('Recalculate the whole workbook'),
  },
  output: z.object({
    address: z.string().optional(),
    values: z.array(z.array(z.union([z.string(), z.number(), z.boolean()]))).optional(),
    sheetAdded: z.string().optional(),
    recalculated: z.boolean().optional(),
    note: z.string().optional(),
  }),
  handler: async (a, { graph, signal }, d) => {
    if (!a.values && !a.addSheet && !a.recalculate) throw new ToolError('Nothing to do: give values (with at or table), addSheet, or recalculate.');
    if (a.values && !!a.at === !!a.table) throw new ToolError('values go to a range (at, e.g. Budget!B2) or to a table (table): give one of them.');
    if (!a.values && (a.at || a.table)) throw new ToolError('Give values to write.');
    const wb = workbookPath(d.root, a.item);
    const out: { address?: string; values?: Scalar[][]; sheetAdded?: string; recalculated?: boolean; note?: string } = {};
    let renewedAny = false;
    const step = async <T>(call: (headers: Record<string, string>) => Promise<T>) => {
      const { value, renewed } = await inSession(graph, wb, signal, call);
      renewedAny ||= renewed;
      return value;
    };
    if (a.addSheet) {
      const sheet = await step((headers) => graph.post<{ name: string }>(`${wb}/worksheets/add`, { name: a.addSheet }, { headers, signal }));
      out.sheetAdded = sheet.name;
    }
    if (a.values) {
      const width = Math.max(...a.values.map((r) => r.length));
      if (a.values.some((r) => r.length !== width)) throw new ToolError(`Every row of values needs the same number of cells (${width}); fill gaps with "".`);
      if (a.table) {
        const added = await step((headers) => graph.post<{ index?: number; values?: Scalar[][] }>(`${wb}/tables/${seg(a.table!)}/rows/add`, { values: a.values }, { headers, signal }));
        const range = await step((headers) => graph.get<{ address: string; values?: Scalar[][] }>(`${wb}/tables/${seg(a.table!)}/dataBodyRange`, { headers, signal, query: { $select: 'address,rowCount' } }));
        const box = parseRange(range.address);
        const { sheet } = splitSheet(range.address);
        if (box && sheet) {
          const rows = a.values.length;
          const last = { from: { col: box.from.col, row: box.to.row - rows + 1 }, to: box.to };
          const written = await step((headers) => graph.get<{ address: string; values?: Scalar[][] }>(`${wb}/worksheets/${seg(sheet)}/range(address='${cellsOf(last)}')`, { headers, signal, query: { $select: 'address,values' } }));
          Object.assign(out, { address: written.address, values: written.values });
        } else Object.assign(out, { values: added.values });
      } else {
        const { sheet, cells } = splitSheet(a.at!);
        if (!sheet) throw new ToolError(`Say which sheet ${a.at} is on: write it as SheetName!${a.at}.`);
        const start = parseRange(cells);
        if (!start) throw new ToolError(`${a.at} is not a cell or range like Budget!B2 or Budget!B2:D4.`);
        const box = blockAt(start.from, a.values.length, width);
        if (start.to.row !== start.from.row || start.to.col !== start.from.col) {
          if (start.to.row - start.from.row + 1 !== a.values.length || start.to.col - start.from.col + 1 !== width) {
            throw new ToolError(`${a.at} is ${start.to.row - start.from.row + 1}x${start.to.col - start.from.col + 1} cells but values are ${a.values.length}x${width}: give the top-left cell only, or a range of the same size.`);
          }
        }
        const body = a.values.some((r) => r.some(isFormula)) ? { formulas: a.values } : { values: a.values };
        const r = await step((headers) => graph.patch<{ address: string; values?: Scalar[][] }>(`${wb}/worksheets/${seg(sheet)}/range(address='${cellsOf(box)}')`, body, { headers, signal }));
        Object.assign(out, { address: r.address, values: r.values });
      }
    }
    if (a.recalculate) {
      await step((headers) => graph.post(`${wb}/application/calculate`, { calculationType: 'Full' }, { headers, signal }));
      out.recalculated = true;
    }
    if (renewedAny) out.note = RENEWED;
    return out;
  },
  text: (r) => [
    r.sheetAdded && `added sheet ${r.sheetAdded}`,
    r.address && `wrote ${r.address}:`,
    ...(r.values ?? []).map((row) => row.map(String).join('\t')),
    r.recalculated && 'recalculated',
    r.note,
  ].filter((l): l is string => !!l).join('\n'),
});

export const tableView = ownerTool(WORKBOOK, {
  name: 'excel_table',
  title: 'Sort or filter a table',
  description: 'Sorts a table by columns, shows only rows whose column has given values, or clears its filters. The rows stay in the file sorted or filtered.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    item: WorkbookItem,
    table: Text(255).describe('Table name'),
    sortBy: List(z.object({ column: Text(255), descending: z.boolean().default(false) }), 3).optional().describe('Columns to sort by, first first'),
    filter: z.object({ column: Text(255), values: List(Text(255), 50) }).optional().describe('Show rows with these values in column'),
    clearFilters: z.boolean().default(false).describe('Show all rows again'),
  },
  output: z.object({ sorted: z.array(z.string()).optional(), filtered: z.string().optional(), cleared: z.boolean().optional(), note: z.string().optional() }),
  handler: async (a, { graph, signal }, d) => {
    if (!a.sortBy && !a.filter && !a.clearFilters) throw new ToolError('Nothing to do: give sortBy, filter or clearFilters.');
    const wb = workbookPath(d.root, a.item);
    const t = `${wb}/tables/${seg(a.table)}`;
    let renewed = false;
    const step = async <T>(call: (headers: Record<string, string>) => Promise<T>) => {
      const r = await inSession(graph, wb, signal, call);
      renewed ||= r.renewed;
      return r.value;
    };
    const columns = (await step((headers) => graph.get<{ value: { id: string; name: string; index: number }[] }>(`${t}/columns`, { headers, signal, query: { $select: 'id,name,index' } }))).value;
    const column = (name: string) => {
      const c = columns.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) throw new ToolError(`The table ${a.table} has no column "${name}"; its columns: ${columns.map((x) => x.name).join(', ')}.`);
      return c;
    };
    const out: { sorted?: string[]; filtered?: string; cleared?: boolean; note?: string } = {};
    if (a.clearFilters) {
      await step((headers) => graph.post(`${t}/clearFilters`, {}, { headers, signal }));
      out.cleared = true;
    }
    if (a.sortBy) {
      const fields = a.sortBy.map((s) => ({ key: column(s.column).index, ascending: !s.descending }));
      await step((headers) => graph.post(`${t}/sort/apply`, { fields }, { headers, signal }));
      out.sorted = a.sortBy.map((s) => `${column(s.column).name}${s.descending ? ' descending' : ''}`);
    }
    if (a.filter) {
      const c = column(a.filter.column);
      await step((headers) => graph.post(`${t}/columns/${seg(c.id)}/filter/apply`, { criteria: { filterOn: 'values', values: a.filter!.values } }, { headers, signal }));
      out.filtered = `${c.name} in ${a.filter.values.join(', ')}`;
    }
    if (renewed) out.note = RENEWED;
    return out;
  },
  text: (r) => [r.cleared && 'filters cleared', r.sorted && `sorted by ${r.sorted.join(', ')}`, r.filtered && `filtered: ${r.filtered}`, r.note].filter(Boolean).join('\n'),
});

export default [writeCells, tableView];
