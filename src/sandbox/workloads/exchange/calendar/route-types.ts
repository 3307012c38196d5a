// What calendar's Graph routes work with: the route context and definition over the calendar state.
import type { RouteContext, RouteDef } from '../../../graph/types.js';
import type { CalendarState } from './model.js';

export type CalendarContext = RouteContext<CalendarState>;
export type CalendarRoute = RouteDef<CalendarState>;
