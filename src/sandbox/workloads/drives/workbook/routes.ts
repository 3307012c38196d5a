// Graph's workbook API over the drives' XLSX files, for every way of addressing the item: sessions, worksheets,
// ranges (range(address=...), usedRange, cell(row=,column=)), tables with their rows, columns, sort and filters,
// named items and calculation. Graph asks for Files.ReadWrite even to read a workbook.
import { GraphError, type GraphResponse } from '../../../graph/types.js';
import { itemRoutes, locate, type Ctx } from '../locate.js';
import type { DriveItem } from '../model.js';
import { type Book, type Box, cellOf, key, parseBox, recalc, type Sheet, type Table } from './book.js';
import { addressOf, renderRange, usedBox, writeRange } from './ranges.js';
import { bookFor, changed, closeSession, createSession, exclusive, sessionOf } from './sessions.js';

type Scope = { item: DriveItem; book: Book; session: ReturnType<typeof sessionOf>; ctx: Ctx };
const notFound = (what: string) => new GraphError(404, 'ItemNotFound', `The requested resource doesn't exist. (${what})`);
const ok = (body: unknown, status = 200): GraphResponse => ({ status, body });

/** A workbook route: the item located and checked, the request's session and workbook. */
function on(access: 'read' | 'write', act: (s: Scope) => Promise<GraphResponse> | GraphResponse) {
  return async (ctx: Ctx) => {
    const { item } = locate(ctx, access);
    if (item.folder) throw notFound('a folder has no workbook');
    const session = sessionOf(ctx.state, item, ctx.req.headers['workbook-session-id']);
    return act({ item, book: await bookFor(ctx.state, item, session), session, ctx });
  };
}
/** A change: made, then saved to the file unless the session keeps it to itself. */
const change = (act: (s: Scope) => GraphResponse) => on('write', (s) =>
  exclusive(s.session, async () => {
    const r = act(s);
    await changed(s.ctx.state, s.item, s.session, s.book, s.ctx.principal.user.id);
    return r;
  }));

const sheetOf = (book: Book, idOrName: string): Sheet => {
  const s = book.sheets.find((x) => x.name.toLowerCase() === idOrName.toLowerCase() || x.id === idOrName);
  if (!s) throw notFound(`no worksheet ${idOrName}`);
  return s;
};
const tableOf = (book: Book, idOrName: string): Table => {
  const t = book.tables.find((x) => x.name.toLowerCase() === idOrName.toLowerCase() || x.id === idOrName);
  if (!t) throw notFound(`no table ${idOrName}`);
  return t;
};
const renderSheet = (book: Book, s: Sheet) => ({ '@odata.type': '#microsoft.graph.workbookWorksheet', id: s.id, name: s.name, position: book.sheets.indexOf(s), visibility: 'Visible' });
const renderTable = (t: Table) => ({ '@odata.type': '#microsoft.graph.workbookTable', id: t.id, name: t.name, showHeaders: true, showTotals: false, showBandedRows: true, showBandedColumns: false, showFilterButton: true, style: 'TableStyleMedium2', highlightFirstColumn: false, highlightLastColumn: false, legacyId: t.id.slice(1, 9).replace(/^0+/, '') });
const unquote = (v: string) => v.replace(/^'(.*)'$/s, '$1').replace(/''/g, "'");

/** range(address='A1:B2'), usedRange, usedRange(valuesOnly=true), cell(row=1,column=2): the box it names. */
function boxOf(sheet: Sheet, fn: string): Box {
  const range = /^range\(address=(.*)\)$/is.exec(fn);
  if (range) {
    const b = parseBox(unquote(range[1].trim()));
    if (!b) throw new GraphError(400, 'InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address ${range[1]})`);
    return b;
  }
  if (/^usedRange(\((valuesOnly=(true|false))?\))?$/i.test(fn)) return usedBox(sheet);
  const cell = /^cell\(row=(\d+),column=(\d+)\)$/i.exec(fn.replace(/\s+/g, ''));
  if (cell) return { r1: Number(cell[1]) + 1, c1: Number(cell[2]) + 1, r2: Number(cell[1]) + 1, c2: Number(cell[2]) + 1 };
  throw notFound(fn);
}

const tablePart = (t: Table, part: string): Box | undefined => {
  const p = part.replace(/\(\)$/, '');
  if (p === 'range') return t.box;
  if (p === 'headerRowRange') return { ...t.box, r2: t.box.r1 };
  if (p === 'dataBodyRange') return { ...t.box, r1: t.box.r1 + 1 };
  return undefined;
};

const W = '/workbook';
export const workbookRoutes = [
  ...itemRoutes('POST', `${W}/createSession`, 'write', on('write', ({ ctx, item }) => {
    const s = createSession(ctx.state, item, (ctx.req.body as { persistChanges?: unknown } | undefined)?.persistChanges !== false);
    return ok({ '@odata.type': '#microsoft.graph.workbookSessionInfo', id: s.id, persistChanges: s.persist }, 201);
  }), { params: ['persistChanges'] }),
  ...itemRoutes('POST', `${W}/closeSession`, 'write', on('read', ({ ctx }) => (closeSession(ctx.state, ctx.req.headers['workbook-session-id'] ?? ''), { status: 204 }))),
  ...itemRoutes('POST', `${W}/refreshSession`, 'write', on('read', () => ({ status: 204 }))),
  ...itemRoutes('GET', `${W}/worksheets`, 'write', on('read', ({ book }) => ok({ value: book.sheets.map((s) => renderSheet(book, s)) }))),
  ...['add', ''].flatMap((tail) => itemRoutes('POST', `${W}/worksheets${tail ? `/${tail}` : ''}`, 'write', change(({ book, ctx }) => {
    const name = String((ctx.req.body as { name?: unknown } | undefined)?.name ?? `Sheet${book.sheets.length + 1}`).trim();
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new GraphError(400, 'InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (a sheet name: 1-31 characters, none of \\ / ? * [ ] :)');
    if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new GraphError(409, 'ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
    const s: Sheet = { id: `{${String(book.sheets.length + 1).padStart(8, '0')}-0001-0000-0000-000000000000}`, name, cells: new Map() };
    book.sheets.push(s);
    return ok(renderSheet(book, s), 201);
  }), { params: ['name'] })),
  ...itemRoutes('GET', `${W}/worksheets/{sheet}`, 'write', on('read', ({ book, ctx }) => ok(renderSheet(book, sheetOf(book, ctx.params.sheet))))),
  ...itemRoutes('GET', `${W}/worksheets/{sheet}/{fn}`, 'write', on('read', ({ book, ctx }) => {
    const sheet = sheetOf(book, ctx.params.sheet);
    return ok(renderRange(sheet, boxOf(sheet, ctx.params.fn)));
  })),
  ...itemRoutes('PATCH', `${W}/worksheets/{sheet}/{fn}`, 'write', change(({ book, ctx }) => {
    const sheet = sheetOf(book, ctx.params.sheet);
    const b = boxOf(sheet, ctx.params.fn);
    writeRange(book, sheet, b, (ctx.req.body ?? {}) as Record<string, unknown>);
    return ok(renderRange(sheet, b));
  })),
  ...itemRoutes('GET', `${W}/tables`, 'write', on('read', ({ book }) => ok({ value: book.tables.map(renderTable) }))),
  ...itemRoutes('GET', `${W}/worksheets/{sheet}/tables`, 'write', on('read', ({ book, ctx }) => ok({ value: book.tables.filter((t) => t.sheet === sheetOf(book, ctx.params.sheet).name).map(renderTable) }))),
  ...itemRoutes('GET', `${W}/tables/{table}`, 'write', on('read', ({ book, ctx }) => ok(renderTable(tableOf(book, ctx.params.table))))),
  ...itemRoutes('GET', `${W}/tables/{table}/{part}`, 'write', on('read', ({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    const sheet = sheetOf(book, t.sheet);
    const b = tablePart(t, ctx.params.part);
    if (b) return ok(renderRange(sheet, b));
    throw notFound(ctx.params.part);
  })),
  ...itemRoutes('GET', `${W}/tables/{table}/columns`, 'write', on('read', ({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    const sheet = sheetOf(book, t.sheet);
    return ok({ value: t.columns.map((name, i) => ({ '@odata.type': '#microsoft.graph.workbookTableColumn', id: String(i + 1), index: i, name, values: Array.from({ length: t.box.r2 - t.box.r1 + 1 }, (_, r) => [cellOf(sheet, t.box.r1 + r, t.box.c1 + i).value]) })) });
  })),
  ...itemRoutes('GET', `${W}/tables/{table}/rows`, 'write', on('read', ({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    const sheet = sheetOf(book, t.sheet);
    return ok({ value: Array.from({ length: t.box.r2 - t.box.r1 }, (_, i) => ({ '@odata.type': '#microsoft.graph.workbookTableRow', index: i, values: [Array.from({ length: t.box.c2 - t.box.c1 + 1 }, (_, j) => cellOf(sheet, t.box.r1 + 1 + i, t.box.c1 + j).value)] })) });
  })),
  ...['rows/add', 'rows'].flatMap((tail) => itemRoutes('POST', `${W}/tables/{table}/${tail}`, 'write', change(({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    const sheet = sheetOf(book, t.sheet);
    const values = (ctx.req.body as { values?: unknown } | undefined)?.values;
    const width = t.box.c2 - t.box.c1 + 1;
    if (!Array.isArray(values) || !values.length || values.some((r) => !Array.isArray(r) || r.length !== width)) {
      throw new GraphError(400, 'InvalidArgument', `The argument is invalid or missing or has an incorrect format. (values: rows of ${width} cells)`);
    }
    const first = t.box.r2 + 1;
    // Cells below the table in its columns move down to make room, as Excel inserts table rows (references in
    // formulas are not rewritten by the sandbox).
    const below = [...sheet.cells.entries()].filter(([k]) => { const [r, c] = k.split(',').map(Number); return r >= first && c >= t.box.c1 && c <= t.box.c2; });
    for (const [k] of below) sheet.cells.delete(k);
    for (const [k, cell] of below) { const [r, c] = k.split(',').map(Number); sheet.cells.set(key(r + values.length, c), cell); }
    values.forEach((row: unknown[], i) => row.forEach((v, j) => {
      if (v === null || v === '') return;
      sheet.cells.set(key(first + i, t.box.c1 + j), typeof v === 'string' && v.startsWith('=') ? { formula: v, value: '' } : { value: v as string | number | boolean });
    }));
    t.box = { ...t.box, r2: t.box.r2 + values.length };
    recalc(book);
    return ok({ '@odata.type': '#microsoft.graph.workbookTableRow', index: first - t.box.r1 - 1, values: values.map((_, i) => Array.from({ length: width }, (__, j) => cellOf(sheet, first + i, t.box.c1 + j).value)) }, 201);
  }), { params: ['values', 'index'] })),
  ...itemRoutes('POST', `${W}/tables/{table}/sort/apply`, 'write', change(({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    const sheet = sheetOf(book, t.sheet);
    const fields = (ctx.req.body as { fields?: { key?: number; ascending?: boolean }[] } | undefined)?.fields;
    if (!Array.isArray(fields) || !fields.length || fields.some((f) => !Number.isInteger(f.key) || f.key! < 0 || f.key! > t.box.c2 - t.box.c1)) throw new GraphError(400, 'InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (fields: [{ key: column index, ascending }])');
    const width = t.box.c2 - t.box.c1 + 1;
    const rows = Array.from({ length: t.box.r2 - t.box.r1 }, (_, i) => Array.from({ length: width }, (__, j) => sheet.cells.get(key(t.box.r1 + 1 + i, t.box.c1 + j))));
    const cmp = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? ''), 'en', { sensitivity: 'base' }));
    rows.sort((x, y) => { for (const f of fields) { const d = cmp(x[f.key!]?.value, y[f.key!]?.value); if (d) return f.ascending === false ? -d : d; } return 0; });
    rows.forEach((row, i) => row.forEach((cell, j) => { const k = key(t.box.r1 + 1 + i, t.box.c1 + j); if (cell) sheet.cells.set(k, cell); else sheet.cells.delete(k); }));
    recalc(book);
    return { status: 204 };
  }), { params: ['fields', 'matchCase', 'method'] }),
  ...itemRoutes('POST', `${W}/tables/{table}/columns/{column}/filter/apply`, 'write', change(({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    const name = t.columns.find((c, i) => String(i + 1) === ctx.params.column || c.toLowerCase() === ctx.params.column.toLowerCase());
    if (!name) throw notFound(`no column ${ctx.params.column}`);
    const criteria = (ctx.req.body as { criteria?: { filterOn?: string; values?: unknown[] } } | undefined)?.criteria;
    if (criteria?.filterOn !== 'values' || !Array.isArray(criteria.values)) throw new GraphError(400, 'InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (criteria: { filterOn: "values", values: [...] })');
    t.filters[name] = criteria.values.map(String);
    return { status: 204 };
  }), { params: ['criteria'] }),
  ...itemRoutes('POST', `${W}/tables/{table}/columns/{column}/filter/clear`, 'write', change(({ book, ctx }) => {
    const t = tableOf(book, ctx.params.table);
    for (const c of t.columns) if (String(t.columns.indexOf(c) + 1) === ctx.params.column || c.toLowerCase() === ctx.params.column.toLowerCase()) delete t.filters[c];
    return { status: 204 };
  })),
  ...itemRoutes('POST', `${W}/tables/{table}/clearFilters`, 'write', change(({ book, ctx }) => {
    tableOf(book, ctx.params.table).filters = {};
    return { status: 204 };
  })),
  ...itemRoutes('GET', `${W}/names`, 'write', on('read', ({ book }) => ok({ value: book.names.map((n) => ({ '@odata.type': '#microsoft.graph.workbookNamedItem', name: n.name, comment: '', scope: 'Workbook', type: 'Range', value: n.ref.startsWith('=') ? n.ref : `=${n.ref}`, visible: true })) }))),
  ...itemRoutes('POST', `${W}/application/calculate`, 'write', change(({ book }) => (recalc(book), { status: 204 })), { params: ['calculationType'] }),
];

