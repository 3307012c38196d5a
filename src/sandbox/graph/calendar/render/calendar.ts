// microsoft.graph.calendar and calendarPermission as Outlook writes them. What a calendar says about the
// caller (canEdit, canShare, canViewPrivateItems) depends on who asks: the owner, a delegate, a reader.

import type { EntityType, PropSpec } from '../../odata/entity.js';
import { outlookDialect } from '../odata/outlook-query.js';
import { calendarId } from '../ids.js';
import type { CalendarMailbox, CalendarRole, StoredCalendar, StoredPermission } from '../model.js';
import { emailOf } from '../store.js';

export interface RenderedCalendar {
  json: Record<string, unknown>;
}

const WRITERS: CalendarRole[] = ['write', 'delegateWithoutPrivateEventAccess', 'delegateWithPrivateEventAccess'];

export function renderCalendar(mb: CalendarMailbox, c: StoredCalendar, role: CalendarRole, isOwner: boolean): RenderedCalendar {
  return {
    json: {
      '@odata.etag': `W/"${c.changeKey}"`,
      id: calendarId(c.key),
      name: c.name,
      color: c.color,
      hexColor: c.hexColor,
      isDefaultCalendar: c.isDefault,
      changeKey: c.changeKey,
      canShare: isOwner,
      canViewPrivateItems: role === 'delegateWithPrivateEventAccess',
      canEdit: WRITERS.includes(role),
      allowedOnlineMeetingProviders: ['teamsForBusiness'],
      defaultOnlineMeetingProvider: 'teamsForBusiness',
      isTallyingResponses: c.isDefault,
      isRemovable: !c.isDefault,
      owner: emailOf(mb.owner),
    },
  };
}

const TEXT: PropSpec = { type: 'string', filter: 'eq ne startsWith contains', orderby: 'default' };
const FLAG: PropSpec = { type: 'boolean', filter: 'eq ne' };

export const calendarEntity: EntityType<RenderedCalendar> = {
  name: 'microsoft.graph.calendar',
  properties: {
    id: { type: 'string', filter: 'eq ne' },
    name: TEXT,
    color: { type: 'string', filter: 'eq ne' },
    hexColor: { type: 'string' },
    isDefaultCalendar: FLAG,
    changeKey: { type: 'string' },
    canShare: FLAG,
    canViewPrivateItems: FLAG,
    canEdit: FLAG,
    allowedOnlineMeetingProviders: { type: 'string[]' },
    defaultOnlineMeetingProvider: { type: 'string' },
    isTallyingResponses: FLAG,
    isRemovable: FLAG,
    owner: { type: 'object' },
  },
  defaultSelect: [
    'name', 'color', 'hexColor', 'isDefaultCalendar', 'changeKey', 'canShare', 'canViewPrivateItems', 'canEdit', 'allowedOnlineMeetingProviders',
    'defaultOnlineMeetingProvider', 'isTallyingResponses', 'isRemovable', 'owner',
  ],
  get: (c, prop) => c.json[prop],
  pageSize: { default: 10, max: 1000 },
  dialect: outlookDialect,
};

export function renderPermission(p: StoredPermission): Record<string, unknown> {
  return {
    id: p.id,
    isRemovable: p.isRemovable,
    isInsideOrganization: p.isInsideOrganization,
    role: p.role,
    allowedRoles: [...p.allowedRoles],
    emailAddress: { ...p.emailAddress, ...(p.emailAddress.address === undefined ? {} : { address: p.emailAddress.address }) },
  };
}
