// What mail's Graph routes work with: the route context and definition over the mail store.
import type { RouteContext, RouteDef } from '../../../graph/types.js';
import type { MailStore } from './store.js';

export type MailContext = RouteContext<MailStore>;
export type MailRoute = RouteDef<MailStore>;
