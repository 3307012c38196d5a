// OneNote's errors as Graph passes them on: numeric codes as strings (20102, 20117, 20166...) with the messages
// of Graph's OneNote error reference, so a client that matches on the code meets what it will meet in production.

import { GraphError } from '../../graph/types.js';

const onenote = (status: number, code: number, message: string, headers: Record<string, string> = {}) => new GraphError(status, String(code), message, headers);

export const notFound = () => onenote(404, 20102, 'The specified resource ID does not exist.');
export const invalidId = () => onenote(400, 20112, 'Invalid entity ID specified.');
export const noScope = () => onenote(403, 40004, 'The OAuth token provided does not have the required scopes to perform the requested action.');
export const noAccess = () => onenote(403, 40003, "The user doesn't have permission to access the requested resource.");
/** Throttled: 429 and, as OneNote answers, no Retry-After (the client must pace itself). */
export const throttled = () => onenote(429, 20166, 'The app has issued too many requests on behalf of this user in a short time period.');

// Names of notebooks, section groups and sections.
export const nameMissing = () => onenote(400, 20152, 'There is no name value specified for the entity. The name must be defined, and it cannot contain whitespaces only.');
export const nameInvalidNotebook = () => onenote(400, 20115, `The name contains invalid characters. A notebook name cannot contain any of the following characters: ? * \\ / : < > | ' "`);
export const nameInvalid = () => onenote(400, 20153, 'The entity name contains invalid characters. The name cannot contain the following characters: ? * \\ / : < > | & # " % ~');
export const nameLeadingSpace = () => onenote(400, 20154, 'The entity name cannot start with a space.');
export const nameTooLong = (max: number) => onenote(400, 20155, `The entity name is too long. The limit for this entity is ${max} characters.`);
export const nameTaken = () => onenote(409, 20117, 'An item with this name already exists in this location.');
export const badJson = (why: string) => onenote(400, 20126, `The message body contains either incorrectly formatted JSON or fields that are not supported for this operation: ${why}`);

// Page creation.
export const noPresentation = () => onenote(400, 20001, 'The multi-part request is missing the required "Presentation" part. Exactly one is required.');
export const twoPresentations = () => onenote(400, 20002, 'The multi-part request contains two or more "Presentation" parts. Exactly one is required.');
export const presentationType = () => onenote(400, 20003, 'The content type of the "Presentation" part can be only text/html or application/xhtml+xml.');
export const badCreated = (value: string) => onenote(400, 20007, `The "Presentation" part HTML contains a created date/time string that does not match any of the allowed formats: '${value}'.`);
export const duplicateParts = (name: string) => onenote(400, 20009, `The multi-part request contains parts with duplicate names ('${name}'). Part names must be unique.`);
export const noDisposition = () => onenote(400, 20010, 'The Content-Disposition header was not supplied for a part of the multi-part request.');
export const malformedMultipart = (why: string) => onenote(400, 20011, `The request contains a malformed multi-part payload: ${why}`);
export const noPartType = (name: string) => onenote(400, 20012, `The request doesn't supply a content type for the part '${name}'.`);
export const noPartHeaders = () => onenote(400, 20013, "The request doesn't supply Content-Type and Content-Disposition headers for a part.");
export const partTooLarge = (name: string) => onenote(400, 20014, `The length of the part '${name}' exceeds the maximum size of 25 MB.`);
export const tooManyParts = () => onenote(400, 20015, 'The count of parts in the multi-part message exceeds the limit of 500.');
export const partsNeedMultipart = () => onenote(400, 20110, 'Page create requests with data parts require the content to be multipart, with a "Presentation" part.');
export const missingPart = (name: string) => onenote(400, 20130, `The request refers to the part '${name}', which the multi-part message does not contain.`);
export const badContentType = (given: string) => onenote(400, 20131, `The request contains an invalid value for Content-Type ('${given}'). Use text/html, application/xhtml+xml or multipart/form-data.`);
export const noContent = () => onenote(400, 20132, 'The request contains invalid content: a Content-Type request header and a body are required.');

// Page updates (PATCH .../content).
export const patchPayload = () => onenote(400, 20109, 'The payload in the PATCH request is not constructed correctly: it must be a JSON array of change objects.');
export const patchNoTarget = (target: string) => onenote(400, 20120, `The PATCH target '${target}' can't be located.`);
export const patchArgument = (why: string) => onenote(400, 20121, `The request contains an invalid PATCH argument: ${why}`);
export const patchAction = (action: string) => onenote(400, 20122, `The PATCH action '${action}' is not supported. Use append, insert, prepend or replace.`);
export const patchNoCommands = () => onenote(400, 20124, 'The multi-part PATCH request doesn\'t include a "Commands" part with the PATCH action JSON.');
export const patchEmpty = () => onenote(400, 20125, 'The PATCH request contains no actions.');
export const patchNoAppend = (tag: string) => onenote(400, 20138, `The target element type '${tag}' doesn't support the append action; append to a body, div, ol or ul.`);
export const patchUnsupported = (why: string) => onenote(400, 20141, `The target doesn't support the specified action: ${why}`);

// Queries.
export const pageLevelHere = () => onenote(400, 20104, 'The pagelevel query option is supported only when querying for the pages collection in a section or for a specific page.');
export const topTooHigh = (max: number) => onenote(400, 20129, `The top query string option value is too high. The maximum value is ${max}.`);
