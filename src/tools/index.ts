// Every tool of the server. Only server.ts (and the scripts that describe the surface) import this.
import authTools from './auth/auth-tools.js';
import calendarTools from './calendar/index.js';
import type { AnyTool } from './define-tool.js';
import mailTools from './mail/index.js';
import userTools from './users/users.js';

export const ALL_TOOLS: readonly AnyTool[] = [...authTools, ...userTools, ...mailTools, ...calendarTools];
