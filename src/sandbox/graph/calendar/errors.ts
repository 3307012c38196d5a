// Exchange's error codes and wording for calendar requests, as Graph passes them through.

import { GraphError } from '../types.js';

export const itemNotFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
export const idMalformed = () => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
export const invalidUser = (who: string) => new GraphError(404, 'ErrorInvalidUser', `The requested user '${who}' is invalid.`);
export const accessDenied = () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
export const invalidRequest = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);
export const invalidParameter = (message: string) => new GraphError(400, 'ErrorInvalidParameter', message);
export const propertyValidation = (message = 'At least one property failed validation.') =>
  new GraphError(400, 'ErrorPropertyValidationFailure', message);
