// Exchange's one error set for mail and calendar, as Graph passes it through for Outlook resources: codes and
// messages clients match on (ErrorItemNotFound vs ErrorInvalidIdMalformed, ErrorAccessDenied for a mailbox one
// may not open, InefficientFilter for a $filter/$orderby combination the store cannot serve).

import { GraphError } from '../../graph/types.js';

export const accessDenied = () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
export const itemNotFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
export const idMalformed = () => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
export const invalidUser = (id: string) => new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
export const noMailbox = () =>
  new GraphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');

/** OData's complaints about the URL (unknown properties, wrong literal types), as Outlook words them. */
export const parseUri = (message: string) => new GraphError(400, 'RequestBroker--ParseUri', message);
export const unknownMessageProperty = (name: string) => parseUri(`Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
/** OData's complaints about a request body it cannot read. */
export const bodyRead = (message: string) => new GraphError(400, 'RequestBodyRead', message);

export const invalidFilter = () => new GraphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
export const inefficientFilter = () => new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
export const searchWithOrderBy = () => new GraphError(400, 'SearchWithOrderBy', "The query parameter '$orderBy' is not supported with '$search'.");
export const searchWithFilter = () => new GraphError(400, 'SearchWithFilter', "The query parameter '$filter' is not supported with '$search'.");
// Reported by clients as "searchAndSkip"; the wording follows its siblings above.
export const searchWithSkip = () => new GraphError(400, 'SearchAndSkip', "The query parameter '$skip' is not supported with '$search'.");

export const invalidRecipients = (detail: string) => new GraphError(400, 'ErrorInvalidRecipients', `At least one recipient isn't valid., ${detail}`);
export const noRecipients = () => invalidRecipients("A message can't be sent because it contains no recipients.");
export const unresolvedRecipient = (address: string) =>
  invalidRecipients(`Recipient '${address}' isn't resolved. All recipients must be resolved before a message can be submitted.`);
export const sendAsDenied = () =>
  new GraphError(
    403,
    'ErrorSendAsDenied',
    'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.',
  );

export const folderExists = () => new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
export const invalidRequest = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);
export const sentMessageReadOnly = () =>
  new GraphError(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation is not allowed on properties of a sent message.');
export const invalidParameter = (message: string) => new GraphError(400, 'ErrorInvalidParameter', message);
export const propertyValidation = (message = 'At least one property failed validation.') =>
  new GraphError(400, 'ErrorPropertyValidationFailure', message);
