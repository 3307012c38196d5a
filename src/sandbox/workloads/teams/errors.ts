// The Teams service's errors as Graph passes them on: the codes clients match on and the wording Teams uses where it
// is known (a query option its OData layer does not allow, a team that does not exist, a mention marker missing from
// the body). Where Graph's exact words are not documented the message says plainly what went wrong.

import { GraphError } from '../../graph/types.js';

/** Teams' OData layer refusing a query option a route does not take ($select on messages, $expand on a team...):
 *  ASP.NET OData's words, with the empty code Teams answers them with. */
export const optionNotAllowed = (option: string) =>
  new GraphError(400, '', `The query specified in the URI is not valid. Query option '${option}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`);

/** A $top over the route's limit (50 for messages and chats), in the same layer's words. */
export const topTooLarge = (max: number, asked: string) =>
  new GraphError(400, '', `The query specified in the URI is not valid. The limit of '${max}' for Top query has been exceeded. The value from the incoming request is '${asked}'.`);

export const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

export const teamNotFound = (id: string) => new GraphError(404, 'NotFound', `No team found with Group Id ${id}`);
export const channelNotFound = () => new GraphError(404, 'NotFound', 'Channel not found.');
export const chatNotFound = () => new GraphError(404, 'NotFound', 'Chat not found.');
export const messageNotFound = () => new GraphError(404, 'NotFound', 'Message not found.');
export const memberNotFound = () => new GraphError(404, 'NotFound', 'Member not found.');

/** A person who is not a member of what they address (a team, a private or shared channel, a chat). */
export const notAMember = (what: string) => new GraphError(403, 'Forbidden', `The signed-in user is not a member of ${what}.`);

/** Delegated access to another person's chats or teams, which Graph serves only for the signed-in user. */
export const onlySelf = () => new GraphError(403, 'Forbidden', 'Requested API is supported only for the signed-in user in delegated context.');

/** The export APIs (getAllMessages) take application permissions only. */
export const applicationOnly = (permission: string) =>
  new GraphError(403, 'Forbidden', `Missing role permissions on the request. API requires one of '${permission}'. Roles on the request ''.`);

/** A mention entry whose `<at id>` marker the body lacks: Teams' own words. */
export const mentionMarkerMissing = (id: number) =>
  badRequest(`Neither Body nor adaptive card content contains marker for mention with Id '${id}'. Add '<at id="${id}">' to the body or an adaptive card.`);

/** An `<at id>` marker with no mention entry of that id. */
export const mentionEntryMissing = (id: string) => badRequest(`The body contains a marker for mention with Id '${id}' but mentions has no entry with that Id.`);

/** A mention of someone who cannot see the conversation. */
export const mentionedNotMember = (name: string) => badRequest(`Mentioned user '${name}' is not a member of this conversation.`);

/** Graph's throttling answer, with the wait that frees a place. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new GraphError(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.', { 'Retry-After': String(retryAfterSeconds) });
