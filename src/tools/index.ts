// Every tool of the server, all groups loaded: for the build-time manifest, the docs and the tests. The
// server itself loads groups one by one through code.ts.
import { GROUP_CODE } from './code.js';
import type { AnyTool } from './define-tool.js';

export const ALL_TOOLS: readonly AnyTool[] = (await Promise.all(Object.values(GROUP_CODE).map((load) => load()))).flat();
