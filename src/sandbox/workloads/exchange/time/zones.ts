// Time-zone names as Outlook takes them. Graph accepts Windows names ("Pacific Standard Time", the names
// mailboxSettings.timeZone reports) and IANA names ("America/Los_Angeles") wherever a timeZone string goes:
// dateTimeTimeZone values, recurrence ranges and `Prefer: outlook.timezone`. Computation always happens in the
// IANA zone (Node's Intl through luxon carries the DST rules); the Windows <-> IANA mapping is CLDR's
// windowsZones table as the `windows-iana` package ships it. A zone keeps the name the client used, because
// Graph echoes that name back (start.timeZone, Preference-Applied).

import { IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP, findWindows } from 'windows-iana';
import { GraphError } from '../../../graph/types.js';

export interface Zone {
  /** The name as the client wrote it (or as the mailbox stores it). */
  name: string;
  /** The IANA zone computations use. */
  iana: string;
}

export const UTC: Zone = { name: 'UTC', iana: 'UTC' };

// CLDR's "001" row is the canonical IANA zone of a Windows zone; lookups ignore case, as Exchange does.
const WINDOWS_TO_IANA = new Map<string, { windows: string; iana: string }>();
for (const row of WINDOWS_TO_IANA_MAP) {
  if (row.territory === '001' && row.iana.length) WINDOWS_TO_IANA.set(row.windowsName.toLowerCase(), { windows: row.windowsName, iana: row.iana[0] });
}

/** The zone a Windows or IANA name stands for, or undefined when Outlook would not know it. */
export function findZone(name: string): Zone | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  if (/^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(trimmed)) return { name: trimmed, iana: 'UTC' };
  const windows = WINDOWS_TO_IANA.get(trimmed.toLowerCase());
  if (windows) return { name: trimmed, iana: windows.iana };
  if (/^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(trimmed) && IANAZone.isValidZone(trimmed)) return { name: trimmed, iana: trimmed };
  return undefined;
}

/** Exchange's answer to a time-zone name it does not know. */
export const timeZoneNotSupported = (name: string) =>
  new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`);

export function zoneOrThrow(name: unknown): Zone {
  const zone = typeof name === 'string' ? findZone(name) : undefined;
  if (!zone) throw timeZoneNotSupported(typeof name === 'string' ? name : '');
  return zone;
}

/** The Windows name of a zone (what mailboxSettings and workingHours report); the zone's own name otherwise. */
export function windowsName(zone: Zone): string {
  if (WINDOWS_TO_IANA.has(zone.name.toLowerCase())) return WINDOWS_TO_IANA.get(zone.name.toLowerCase())!.windows;
  if (zone.iana === 'UTC') return 'UTC';
  return findWindows(zone.iana)[0] ?? zone.name;
}
