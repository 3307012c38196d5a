// Ranges as Graph's workbookRange shows them (address, values, formulas, text, valueTypes, counts and indexes),
// and writes of values or formulas into them with Excel's errors for a block of the wrong shape.
import { GraphError } from '../../../graph/types.js';
import { type Book, type Box, cellOf, colName, key, maxCol, maxRow, recalc, type Scalar, type Sheet } from './book.js';

const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
export const addressOf = (sheet: Sheet, b: Box) => `${quoteSheet(sheet.name)}!${colName(b.c1)}${b.r1}${b.r1 === b.r2 && b.c1 === b.c2 ? '' : `:${colName(b.c2)}${b.r2}`}`;

const valueType = (v: Scalar | '') => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : /^#[A-Z/0!?]+/.test(v) ? 'Error' : 'String');

export function renderRange(sheet: Sheet, b: Box): Record<string, unknown> {
  const grid = <T>(f: (r: number, c: number) => T): T[][] => Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) => Array.from({ length: b.c2 - b.c1 + 1 }, (_, j) => f(b.r1 + i, b.c1 + j)));
  const values = grid((r, c) => cellOf(sheet, r, c).value);
  const formulas = grid((r, c) => cellOf(sheet, r, c).formula ?? cellOf(sheet, r, c).value);
  const address = addressOf(sheet, b);
  return {
    '@odata.type': '#microsoft.graph.workbookRange',
    address,
    addressLocal: address,
    cellCount: (b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1),
    columnCount: b.c2 - b.c1 + 1,
    columnHidden: false,
    columnIndex: b.c1 - 1,
    formulas,
    formulasLocal: formulas,
    formulasR1C1: formulas,
    hidden: false,
    numberFormat: grid(() => 'General'),
    rowCount: b.r2 - b.r1 + 1,
    rowHidden: false,
    rowIndex: b.r1 - 1,
    text: grid((r, c) => String(cellOf(sheet, r, c).value)),
    valueTypes: values.map((row) => row.map(valueType)),
    values,
  };
}

/** The cells in use (values only: formulas too); A1 when the sheet is empty, as Excel answers. */
export const usedBox = (sheet: Sheet): Box => {
  const r2 = maxRow(sheet);
  const c2 = maxCol(sheet);
  if (!r2) return { r1: 1, c1: 1, r2: 1, c2: 1 };
  const rows = [...sheet.cells.keys()].map((k) => Number(k.split(',')[0]));
  const cols = [...sheet.cells.keys()].map((k) => Number(k.split(',')[1]));
  return { r1: Math.min(...rows), c1: Math.min(...cols), r2, c2 };
};

const mismatch = () => new GraphError(400, 'InvalidArgument', "The argument is invalid or missing or has an incorrect format. The number of rows or columns in the input array doesn't match the size or dimensions of the range.");

/** PATCH of a range: `values` or `formulas` (a cell's text starting with = is a formula either way). */
export function writeRange(book: Book, sheet: Sheet, b: Box, body: Record<string, unknown>): void {
  const block = (body.formulas ?? body.values) as unknown;
  if (block === undefined) {
    if (body.numberFormat !== undefined) return; // formats are not kept; nothing else changes
    throw new GraphError(400, 'InvalidArgument', 'The argument is invalid or missing or has an incorrect format. Give values or formulas.');
  }
  const rows = b.r2 - b.r1 + 1;
  const cols = b.c2 - b.c1 + 1;
  // Graph takes a single value for a whole range too.
  const grid = Array.isArray(block) ? (block as unknown[][]) : Array.from({ length: rows }, () => Array.from({ length: cols }, () => block));
  if (grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols)) throw mismatch();
  grid.forEach((row, i) =>
    row.forEach((v, j) => {
      const k = key(b.r1 + i, b.c1 + j);
      if (v === null) return; // null leaves the cell as it is
      if (typeof v === 'string' && v.startsWith('=')) sheet.cells.set(k, { formula: v, value: '' });
      else if (v === '') sheet.cells.delete(k);
      else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') sheet.cells.set(k, { value: v });
      else throw mismatch();
    }),
  );
  recalc(book);
}
