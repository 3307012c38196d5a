// microsoft.graph.calendar and calendarPermission as Outlook writes them. What a calendar says about the
// caller (canEdit, canShare, canViewPrivateItems) depends on who asks: the owner, a delegate, a reader, or the
// recipient of a share looking at its entry in their own list.

import type { EntityType, PropSpec } from '../../../../odata/entity.js';
import { outlookDialect } from '../../outlook-query.js';
import { calendarId } from '../../ids/calendar.js';
import type { CalendarMailbox, CalendarRole, StoredCalendar, StoredPermission } from '../model.js';
import { sharedName, type SharedEntry } from '../sharing.js';
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

/**
 * A calendar shared with the caller, as its entry in their own list: the entry's id, name, colour and change key;
 * what the caller may do follows the owner's grant, but never share it on ("For a sharee, the canShare property
 * of the shared calendar is always false"); only the owner's main calendar tallies responses, and the entry can
 * be removed from the list.
 */
export function renderSharedEntry(e: SharedEntry): RenderedCalendar {
  const base = renderCalendar(e.owner, e.calendar, e.role, false).json;
  const changeKey = e.view.changeKey!;
  return {
    json: {
      ...base,
      '@odata.etag': `W/"${changeKey}"`,
      id: e.id,
      name: sharedName(e),
      color: e.view.color ?? 'auto',
      hexColor: '',
      isDefaultCalendar: false,
      changeKey,
      isTallyingResponses: false,
      isRemovable: true,
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
