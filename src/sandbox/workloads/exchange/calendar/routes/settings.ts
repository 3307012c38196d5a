// mailboxSettings as far as calendars need them: the mailbox's time zone and working hours (read by
// getSchedule and findMeetingTimes), with the rest of the settings Outlook reports for a mailbox. Reading them
// takes MailboxSettings.Read; another user's need the caller to have full access to that mailbox.

import { METADATA } from '../../../../odata/query.js';
import { badRequest, type ScopeRule } from '../../../../graph/types.js';
import { accessDenied } from '../../errors.js';
import type { CalendarMailbox, WorkingHours } from '../model.js';
import { DAYS } from '../model.js';
import { routeMailbox } from '../store.js';
import { usersContext } from './common.js';
import { zoneOrThrow, windowsName } from '../../time/zones.js';
import type { CalendarContext, CalendarRoute } from '../route-types.js';

const READ = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'];
const WRITE = ['MailboxSettings.ReadWrite'];

const scopes = (wanted: string[]): ScopeRule => (ctx) => {
  if (!ctx.principal.scopes.some((s) => wanted.some((w) => w.toLowerCase() === s.toLowerCase()))) throw accessDenied();
  return ctx.principal.scopes;
};

function ownMailbox(ctx: CalendarContext): CalendarMailbox {
  const mb = routeMailbox(ctx);
  if (mb.owner.id !== ctx.principal.user.id && !mb.fullAccess.has(ctx.principal.user.userPrincipalName.toLowerCase())) throw accessDenied();
  return mb;
}

const LANGUAGE_NAMES: Record<string, string> = {
  'en-US': 'English (United States)', 'en-GB': 'English (United Kingdom)', 'de-DE': 'German (Germany)', 'ja-JP': 'Japanese (Japan)', 'en-IN': 'English (India)',
};

export function workingHoursJson(w: WorkingHours): Record<string, unknown> {
  return { daysOfWeek: [...w.daysOfWeek], startTime: `${w.startTime}.0000000`, endTime: `${w.endTime}.0000000`, timeZone: { name: w.timeZone } };
}

function settingsJson(mb: CalendarMailbox): Record<string, unknown> {
  const locale = mb.owner.preferredLanguage ?? 'en-US';
  return {
    archiveFolder: null,
    timeZone: mb.timeZone,
    automaticRepliesSetting: {
      status: 'disabled', externalAudience: 'all', internalReplyMessage: '', externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: '2026-01-01T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-01-02T00:00:00.0000000', timeZone: 'UTC' },
    },
    language: { locale, displayName: LANGUAGE_NAMES[locale] ?? locale },
    workingHours: workingHoursJson(mb.workingHours),
    userPurpose: mb.owner.accountEnabled ? 'user' : 'shared',
    dateFormat: locale === 'en-US' ? 'M/d/yyyy' : locale === 'ja-JP' ? 'yyyy/MM/dd' : 'dd/MM/yyyy',
    timeFormat: locale === 'en-US' ? 'h:mm tt' : 'HH:mm',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
  };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?(\.\d+)?$/;

function applyWorkingHours(mb: CalendarMailbox, v: Record<string, unknown>): void {
  const w = { ...mb.workingHours };
  if (v.daysOfWeek !== undefined) {
    if (!Array.isArray(v.daysOfWeek) || v.daysOfWeek.some((d) => !DAYS.includes(String(d).toLowerCase() as never))) throw badRequest('workingHours.daysOfWeek must list days of the week.', 'ErrorInvalidRequest');
    w.daysOfWeek = v.daysOfWeek.map((d) => String(d).toLowerCase()) as WorkingHours['daysOfWeek'];
  }
  for (const k of ['startTime', 'endTime'] as const) {
    if (v[k] === undefined) continue;
    const m = TIME.exec(String(v[k]));
    if (!m) throw badRequest(`workingHours.${k} must be a time of day (HH:mm:ss).`, 'ErrorInvalidRequest');
    w[k] = `${m[1]}:${m[2]}${m[3] ?? ':00'}`;
  }
  const tz = (v.timeZone as { name?: unknown } | undefined)?.name;
  if (tz !== undefined) w.timeZone = windowsName(zoneOrThrow(tz));
  if (w.endTime <= w.startTime) throw badRequest('workingHours.endTime must be after startTime.', 'ErrorInvalidRequest');
  mb.workingHours = w;
}

export const settingsRoutes: CalendarRoute[] = [
  {
    method: 'GET',
    path: '/users/{id}/mailboxSettings',
    scopes: scopes(READ),
    handler: (ctx) => {
      const mb = ownMailbox(ctx);
      return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'mailboxSettings')}`, ...settingsJson(mb) } };
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/mailboxSettings/workingHours',
    scopes: scopes(READ),
    handler: (ctx) => {
      const mb = ownMailbox(ctx);
      return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'mailboxSettings/workingHours')}`, ...workingHoursJson(mb.workingHours) } };
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/mailboxSettings/timeZone',
    scopes: scopes(READ),
    handler: (ctx) => {
      const mb = ownMailbox(ctx);
      return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'mailboxSettings/timeZone')}`, value: mb.timeZone } };
    },
  },
  {
    method: 'PATCH',
    path: '/users/{id}/mailboxSettings',
    scopes: scopes(WRITE),
    handler: (ctx) => {
      const mb = ownMailbox(ctx);
      const b = (ctx.req.body ?? {}) as Record<string, unknown>;
      if (b.timeZone !== undefined) mb.timeZone = windowsName(zoneOrThrow(b.timeZone));
      if (b.workingHours !== undefined) applyWorkingHours(mb, (b.workingHours ?? {}) as Record<string, unknown>);
      // Graph answers with the settings the request changed.
      const all = settingsJson(mb);
      const changed = Object.fromEntries(Object.keys(all).filter((k) => k in b).map((k) => [k, all[k]]));
      return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'mailboxSettings')}`, ...changed } };
    },
  },
];
