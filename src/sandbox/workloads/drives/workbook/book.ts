// A workbook as Excel Online holds it while the API works on it: sheets of cells (a value, and the formula that
// computes it), tables over ranges, named items. Read from and written back to the XLSX bytes of the drive item
// with exceljs; formulas computed with fast-formula-parser (both MIT), Excel's error values (#NAME?, #DIV/0!...)
// for what it cannot compute.
import ExcelJS from 'exceljs';
import FormulaParser from 'fast-formula-parser';

export type Scalar = string | number | boolean;
export interface Cell {
  value: Scalar | '';
  formula?: string;
}
export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
export interface Sheet {
  id: string;
  name: string;
  cells: Map<string, Cell>;
}
export interface Table {
  id: string;
  name: string;
  sheet: string;
  box: Box;
  columns: string[];
  /** Column filters: values shown, by column name. */
  filters: Record<string, string[]>;
}
export interface Book {
  sheets: Sheet[];
  tables: Table[];
  names: { name: string; ref: string }[];
}

export const key = (r: number, c: number) => `${r},${c}`;
export const cellOf = (s: Sheet, r: number, c: number): Cell => s.cells.get(key(r, c)) ?? { value: '' };
const sheetId = (i: number) => `{${String(i).padStart(8, '0')}-0001-0000-0000-000000000000}`;

function scalar(v: ExcelJS.CellValue): Scalar | '' {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'error' in v) return String(v.error);
  return '';
}

/** Parses XLSX bytes; a file that is no workbook throws. */
export async function loadBook(bytes: Buffer): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const book: Book = { sheets: [], tables: [], names: [] };
  wb.worksheets.forEach((ws, i) => {
    const sheet: Sheet = { id: sheetId(i + 1), name: ws.name, cells: new Map() };
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const v = c.value;
        if (v && typeof v === 'object' && 'formula' in v && v.formula) sheet.cells.set(key(r, col), { formula: `=${v.formula}`, value: scalar((v as { result?: ExcelJS.CellValue }).result ?? null) });
        else if (scalar(v) !== '') sheet.cells.set(key(r, col), { value: scalar(v) });
      }),
    );
    book.sheets.push(sheet);
    for (const t of (ws as unknown as { getTables(): { name: string; table: { tableRef: string; columns: { name: string }[] } }[] }).getTables()) {
      const box = parseBox(t.table.tableRef);
      if (box) book.tables.push({ id: `{${String(book.tables.length + 1).padStart(8, '0')}-0002-0000-0000-000000000000}`, name: t.name, sheet: ws.name, box, columns: t.table.columns.map((c) => c.name), filters: {} });
    }
  });
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) if (n.ranges[0]) book.names.push({ name: n.name, ref: n.ranges[0] });
  recalc(book);
  return book;
}

/** The workbook as XLSX bytes: values, formulas (with their results), tables and names. */
export async function saveBook(book: Book): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      ws.getCell(r, col).value = c.formula ? { formula: c.formula.slice(1), result: c.value === '' ? undefined : c.value } as ExcelJS.CellFormulaValue : c.value === '' ? null : c.value;
    }
    for (const t of book.tables.filter((x) => x.sheet === s.name)) {
      const rows: Scalar[][] = [];
      for (let r = t.box.r1 + 1; r <= t.box.r2; r++) rows.push(Array.from({ length: t.box.c2 - t.box.c1 + 1 }, (_, i) => { const v = cellOf(s, r, t.box.c1 + i).value; return v === '' ? '' : v; }));
      ws.addTable({ name: t.name, ref: `${colName(t.box.c1)}${t.box.r1}`, headerRow: true, columns: t.columns.map((name) => ({ name, filterButton: true })), rows: rows.length ? rows : [t.columns.map(() => '')] });
      // addTable writes the rows' values over the cells: put the formulas back.
      for (let r = t.box.r1 + 1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) {
        const cell = s.cells.get(key(r, c));
        if (cell?.formula) ws.getCell(r, c).value = { formula: cell.formula.slice(1), result: cell.value === '' ? undefined : cell.value } as ExcelJS.CellFormulaValue;
      }
    }
  }
  for (const n of book.names) wb.definedNames.add(n.ref, n.name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A1:C4" (with $ signs or a sheet before ! ignored) to a box; undefined when it is not one. */
export function parseBox(ref: string): Box | undefined {
  const cells = ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/i.exec(cells);
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1, r2, c2] = [Number(m[2]), col(m[1]), Number(m[4] ?? m[2]), col(m[3] ?? m[1])];
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** Computes every formula again (a few passes settle chains of formulas; a cycle stays as it is). */
export function recalc(book: Book): void {
  const sheetNamed = (name: string | undefined, at: Sheet) => (name ? book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) : at) ?? at;
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const s of book.sheets) {
      const parser = new FormulaParser({
        onCell: ({ sheet, row, col }: { sheet?: string; row: number; col: number }) => { const v = cellOf(sheetNamed(sheet, s), row, col).value; return v === '' ? null : v; },
        onRange: ({ sheet, from, to }: { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }) => {
          const at = sheetNamed(sheet, s);
          const lastRow = Math.min(to.row, maxRow(at));
          const lastCol = Math.min(to.col, maxCol(at));
          const out: (Scalar | null)[][] = [];
          for (let r = from.row; r <= lastRow; r++) { const row: (Scalar | null)[] = []; for (let c = from.col; c <= lastCol; c++) { const v = cellOf(at, r, c).value; row.push(v === '' ? null : v); } out.push(row); }
          return out;
        },
        onVariable: (name: string) => {
          const n = book.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
          const box = n && parseBox(n.ref);
          if (!box) return undefined;
          const sheet = n!.ref.includes('!') ? n!.ref.slice(0, n!.ref.lastIndexOf('!')).replace(/^'|'$/g, '') : s.name;
          return box.r1 === box.r2 && box.c1 === box.c2 ? { sheet, row: box.r1, col: box.c1 } : { sheet, from: { row: box.r1, col: box.c1 }, to: { row: box.r2, col: box.c2 } };
        },
      });
      for (const [k, cell] of s.cells) {
        if (!cell.formula) continue;
        const [row, col] = k.split(',').map(Number);
        let v: unknown;
        try {
          v = parser.parse(cell.formula.slice(1), { sheet: s.name, row, col });
        } catch (e) {
          v = e;
        }
        const value = toScalar(v);
        if (value !== cell.value) {
          cell.value = value;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
}

function toScalar(v: unknown): Scalar | '' {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return toScalar(v[0]?.[0] ?? v[0]);
  // FormulaError: its Excel text (#NAME?, #DIV/0!, #VALUE!...).
  const text = String((v as { error?: string }).error ?? (v as Error).message ?? v);
  // The parser's own #ERROR! is a function it does not know or a formula it cannot read: Excel says #NAME?.
  if (text.startsWith('#ERROR!')) return '#NAME?';
  return /^#[A-Z/0!?]+/.test(text) ? text.match(/^#[A-Z/0!?]+[!?]?/)![0] : '#VALUE!';
}

export const maxRow = (s: Sheet) => Math.max(0, ...[...s.cells.keys()].map((k) => Number(k.split(',')[0])));
export const maxCol = (s: Sheet) => Math.max(0, ...[...s.cells.keys()].map((k) => Number(k.split(',')[1])));
