// Planner's answers when something is wrong, as Graph passes them through: 403 for a plan of a group one is not a
// member of (and for another person's task list), 404 for what does not exist, 412 for a change without If-Match
// or with an ETag that is not the current one (Planner demands If-Match on every PATCH and DELETE), 400 for a body
// it cannot use. Older answers carried an empty code; the sandbox names the status, as current ones do.

import { GraphError } from '../../graph/types.js';

export const plannerForbidden = () =>
  new GraphError(403, 'Forbidden', 'You do not have the required permissions to access this item, or the item may not exist.');
export const plannerNotFound = () => new GraphError(404, 'NotFound', 'The requested item is not found.');
export const ifMatchMissing = () => new GraphError(412, 'PreconditionFailed', 'The If-Match header must be specified for this kind of request.');
export const ifMatchStale = () => new GraphError(412, 'PreconditionFailed', 'The If-Match header contains an invalid value.');
export const plannerBadRequest = (message: string) => new GraphError(400, 'BadRequest', message);
/** Listing every plan, bucket or task of the tenant: Planner lists them per plan, bucket, group or user. */
export const plannerListUnsupported = () =>
  plannerBadRequest('This collection cannot be listed as a whole; list the items of a plan, a bucket, a group or a user.');
