// microsoft.graph.event for the Outlook query layer: which properties $select can name (all of the event's v1.0
// properties the sandbox renders), which $filter operators and $orderby each takes, and the sub-property paths
// clients filter and sort by (start/dateTime and friends), read from the rendered JSON. start/dateTime is a
// string in Graph; filters compare it as text against the UTC value, as Exchange does.

import type { EntityType, PropSpec } from '../../../../odata/entity.js';
import type { RenderedEvent } from '../render/event.js';
import { outlookDialect } from '../../outlook-query.js';

const TEXT: PropSpec = { type: 'string', filter: 'eq ne startsWith contains in', orderby: 'default' };
const ENUM: PropSpec = { type: 'string', filter: 'eq ne in', orderby: 'default' };
const FLAG: PropSpec = { type: 'boolean', filter: 'eq ne', orderby: 'default' };
const WHEN: PropSpec = { type: 'datetime', filter: 'eq ne gt ge lt le', orderby: 'default' };
const OBJECT: PropSpec = { type: 'object' };
const LIST: PropSpec = { type: 'object[]' };
const ORDERED_TEXT: PropSpec = { type: 'string', filter: 'eq ne gt ge lt le', orderby: 'default' };

/** Graph's default property set, in its order (cancelledOccurrences comes only on $select). */
export const EVENT_DEFAULT_SELECT = [
  'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'transactionId', 'originalStartTimeZone',
  'originalEndTimeZone', 'iCalUId', 'reminderMinutesBeforeStart', 'isReminderOn', 'hasAttachments', 'subject', 'bodyPreview',
  'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isOrganizer', 'responseRequested', 'seriesMasterId', 'showAs', 'type',
  'webLink', 'onlineMeetingUrl', 'isOnlineMeeting', 'onlineMeetingProvider', 'allowNewTimeProposals', 'isDraft', 'hideAttendees',
  'responseStatus', 'body', 'start', 'end', 'location', 'locations', 'recurrence', 'attendees', 'organizer', 'onlineMeeting',
] as const;

const PROPERTIES: Record<string, PropSpec> = {
  id: { type: 'string', filter: 'eq ne in' },
  createdDateTime: WHEN,
  lastModifiedDateTime: WHEN,
  changeKey: { type: 'string' },
  categories: { type: 'string[]', filter: 'any eq' },
  transactionId: { type: 'string', filter: 'eq ne' },
  originalStartTimeZone: ENUM,
  originalEndTimeZone: ENUM,
  iCalUId: { type: 'string', filter: 'eq ne in' },
  reminderMinutesBeforeStart: { type: 'int', filter: 'eq ne gt ge lt le', orderby: 'default' },
  isReminderOn: FLAG,
  hasAttachments: FLAG,
  subject: TEXT,
  bodyPreview: { type: 'string', filter: 'contains startsWith' },
  importance: ENUM,
  sensitivity: ENUM,
  isAllDay: FLAG,
  isCancelled: FLAG,
  isOrganizer: FLAG,
  responseRequested: FLAG,
  seriesMasterId: { type: 'string', filter: 'eq ne null' },
  showAs: ENUM,
  type: ENUM,
  webLink: { type: 'string' },
  onlineMeetingUrl: { type: 'string' },
  isOnlineMeeting: FLAG,
  onlineMeetingProvider: ENUM,
  allowNewTimeProposals: FLAG,
  isDraft: FLAG,
  hideAttendees: FLAG,
  responseStatus: OBJECT,
  body: OBJECT,
  start: OBJECT,
  end: OBJECT,
  location: OBJECT,
  locations: LIST,
  recurrence: OBJECT,
  attendees: LIST,
  organizer: OBJECT,
  onlineMeeting: OBJECT,
  cancelledOccurrences: { type: 'string[]' },
};

/** Sub-property paths for $filter and $orderby, and where each reads in the rendered event. */
const PATHS: Record<string, { spec: PropSpec; read: (e: RenderedEvent) => unknown }> = {
  'start/dateTime': { spec: ORDERED_TEXT, read: (e) => e.startUtc },
  'end/dateTime': { spec: ORDERED_TEXT, read: (e) => e.endUtc },
  'start/timeZone': { spec: ENUM, read: (e) => (e.json.start as { timeZone?: string } | undefined)?.timeZone ?? null },
  'organizer/emailAddress/address': { spec: TEXT, read: (e) => nested(e.json.organizer, 'emailAddress', 'address') },
  'organizer/emailAddress/name': { spec: TEXT, read: (e) => nested(e.json.organizer, 'emailAddress', 'name') },
  'responseStatus/response': { spec: ENUM, read: (e) => nested(e.json.responseStatus, 'response') },
  'location/displayName': { spec: TEXT, read: (e) => nested(e.json.location, 'displayName') },
  'body/content': { spec: { type: 'string', filter: 'contains' }, read: (e) => nested(e.json.body, 'content') },
};

function nested(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur ?? null;
}

export const eventEntity: EntityType<RenderedEvent> = {
  name: 'microsoft.graph.event',
  properties: PROPERTIES,
  defaultSelect: EVENT_DEFAULT_SELECT,
  get: (e, prop) => (prop in PATHS ? PATHS[prop].read(e) : e.json[prop]),
  pageSize: { default: 10, max: 1000 },
  dialect: outlookDialect,
};

export const eventPaths: Record<string, PropSpec> = Object.fromEntries(Object.entries(PATHS).map(([k, v]) => [k, v.spec]));
