// A1 addresses as Excel writes them (Budget!A1:D20, 'Q1 plan'!B2, A1:C3), parsed to cells and written back, so
// that a large range can be read a page of rows at a time.

export interface Cell {
  col: number;
  row: number;
}
export interface RangeAddress {
  sheet?: string;
  from: Cell;
  to: Cell;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;

function cell(text: string): Cell | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  const col = [...m[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { col, row: Number(m[2]) };
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Splits "Sheet!A1:B2" (the sheet may be quoted, with '' for a quote) into the sheet and the cells. */
export function splitSheet(address: string): { sheet?: string; cells: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { cells: address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, cells: address.slice(bang + 1) };
}

/** A rectangular range of cells, or undefined for what is not one (whole columns, names). */
export function parseRange(address: string): RangeAddress | undefined {
  const { sheet, cells } = splitSheet(address);
  const [a, b] = cells.split(':');
  const from = cell(a ?? '');
  const to = b === undefined ? from : cell(b);
  if (!from || !to) return undefined;
  return { ...(sheet ? { sheet } : {}), from: { col: Math.min(from.col, to.col), row: Math.min(from.row, to.row) }, to: { col: Math.max(from.col, to.col), row: Math.max(from.row, to.row) } };
}

/** "A1:D20" (no sheet). */
export const cellsOf = (r: Omit<RangeAddress, 'sheet'>) => `${columnName(r.from.col)}${r.from.row}:${columnName(r.to.col)}${r.to.row}`;

/** The range of `rows` rows starting at `start` (a cell) for a block of values. */
export function blockAt(start: Cell, rows: number, cols: number): Omit<RangeAddress, 'sheet'> {
  return { from: start, to: { col: start.col + cols - 1, row: start.row + rows - 1 } };
}
