// OneDrive's and SharePoint's errors as Graph passes them on: the codes clients match on (itemNotFound,
// nameAlreadyExists, accessDenied, invalidRequest, notSupported, resyncRequired...), in Graph's envelope.

import { GraphError } from '../../graph/types.js';

export const itemNotFound = () => new GraphError(404, 'itemNotFound', 'The resource could not be found.');
export const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied');
export const nameAlreadyExists = (name: string) => new GraphError(409, 'nameAlreadyExists', `The specified item name already exists. Name: ${name}`);
export const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);
export const notSupported = (message: string) => new GraphError(406, 'notSupported', message);
/** A feature the service does not offer for this kind of account (Graph's 501 Not Implemented). */
export const notSupported501 = (message: string) => new GraphError(501, 'notSupported', message);
export const preconditionFailed = () => new GraphError(412, 'resourceModified', 'ETag does not match current item\'s value');
export const tenantDisallowsAnonymous = () => new GraphError(403, 'accessDenied', 'Sharing links that work for anyone are disabled by the administrator of this organization.');
