// The little of fast-formula-parser's API the sandbox uses (the package ships no types).
declare module 'fast-formula-parser' {
  export default class FormulaParser {
    constructor(config: {
      onCell?: (ref: { sheet?: string; row: number; col: number }) => unknown;
      onRange?: (ref: { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }) => unknown[][];
      onVariable?: (name: string, sheet: string) => unknown;
      functions?: Record<string, (...args: unknown[]) => unknown>;
    });
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
  }
}
