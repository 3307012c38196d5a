// The calendar group, in the order a client lists it.
import type { AnyTool } from '../define-tool.js';
import calendars from './calendars.js';
import create from './event-create.js';
import edit from './event-edit.js';
import events from './events.js';
import respond from './respond.js';
import scheduling from './scheduling.js';

const calendarTools: readonly AnyTool[] = [...calendars, ...events, ...create, ...edit, ...respond, ...scheduling];
export default calendarTools;
