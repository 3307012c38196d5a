// SharePoint's errors as Graph passes them on for sites, lists and list items: the codes clients match on
// (itemNotFound, accessDenied, invalidRequest, resourceModified) and the messages SharePoint words them with.

import { GraphError } from '../../graph/types.js';

export const itemNotFound = () => new GraphError(404, 'itemNotFound', 'The resource could not be found.');
export const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied');
export const invalidRequest = (message = 'Invalid request') => new GraphError(400, 'invalidRequest', message);
export const preconditionFailed = () => new GraphError(412, 'resourceModified', "ETag does not match current item's value");

/** A field name the list has no column for (SharePoint's words). */
export const unknownField = (name: string) => invalidRequest(`Field '${name}' is not recognized`);

/** $filter or $orderby on a column SharePoint has not indexed, without the caller accepting the risk. */
export const notIndexed = (name: string) =>
  invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );

/** Files and folders of a library are created through its drive, never as list items. */
export const libraryItem = () => invalidRequest('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
