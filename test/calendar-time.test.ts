// Times and zones as the calendar tools read them, before any Graph call: IANA and Windows names, local
// date-times, ranges, DST, and Graph's dateTimeTimeZone values read back in another zone.
import { describe, expect, it } from 'vitest';
import { describeRecurrence, toRecurrence } from '../src/tools/recurrence.js';
import { findZone, loadTimeLibs, localOut, parseRange, parseTime, utc, zoneOrThrow } from '../src/tools/time-zones.js';

await loadTimeLibs();

describe('calendar time zones', () => {
  it('accepts IANA and Windows names in any case and sends Graph the Windows name', () => {
    expect(findZone('Europe/Berlin')).toEqual({ label: 'Europe/Berlin', graph: 'W. Europe Standard Time', iana: 'Europe/Berlin' });
    expect(findZone('europe/london')).toMatchObject({ label: 'Europe/London', graph: 'GMT Standard Time' });
    expect(findZone('pacific standard time')).toEqual({ label: 'Pacific Standard Time', graph: 'Pacific Standard Time', iana: 'America/Los_Angeles' });
    expect(findZone('Tokyo Standard Time')?.iana).toBe('Asia/Tokyo');
    expect(findZone('UTC')?.graph).toBe('UTC');
    expect(findZone('Asia/Kolkata')?.graph).toBe('India Standard Time');
  });

  it('refuses unknown zones with a message that shows both kinds of name', () => {
    for (const bad of ['Mars/Olympus', 'Pacific Time', 'EST5', '../etc', '']) expect(findZone(bad), bad).toBeUndefined();
    expect(() => zoneOrThrow('Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus".*Europe\/Berlin.*W\. Europe Standard Time/);
  });

  it('reads local times, dates, and instants with an offset (shown in the zone)', () => {
    const berlin = zoneOrThrow('Europe/Berlin');
    expect(parseTime('2027-01-12T09:30', berlin, 'start').dt.toISO()).toBe('2027-01-12T09:30:00.000+01:00');
    expect(parseTime('2027-07-12 09:30:15', berlin, 'start').dt.toISO()).toBe('2027-07-12T09:30:15.000+02:00');
    expect(parseTime('2027-01-12', berlin, 'start')).toMatchObject({ dateOnly: true });
    expect(parseTime('2027-01-12T08:00:00Z', berlin, 'start').dt.toFormat('HH:mm')).toBe('09:00');
    expect(parseTime('2027-01-12T08:00:00-05:00', berlin, 'start').dt.toFormat('HH:mm')).toBe('14:00');
    for (const bad of ['tomorrow', '2027-02-30', '2027-13-01T09:00', '2027-01-12T25:00', '12/01/2027']) {
      expect(() => parseTime(bad, berlin, 'start'), bad).toThrow(/is not a date-time: give a local time like/);
    }
  });

  it('checks ranges: end after start, a bare end date includes the day, and a longest span', () => {
    const z = zoneOrThrow('UTC');
    const r = parseRange('2027-03-01', '2027-03-05', z, 31);
    expect([utc(r.start), utc(r.end)]).toEqual(['2027-03-01T00:00:00Z', '2027-03-06T00:00:00Z']);
    expect(() => parseRange('2027-03-05T10:00', '2027-03-05T09:00', z, 31)).toThrow('end (2027-03-05T09:00) is not after start (2027-03-05T10:00)');
    expect(() => parseRange('2027-03-05T10:00', '2027-03-05T10:00', z, 31)).toThrow(/not after start/);
    expect(() => parseRange('2027-01-01', '2027-06-01', z, 62)).toThrow(/spans 152 days; at most 62 days/);
  });

  it('knows the DST switch: a day in spring has 23 hours, local times stay local', () => {
    const la = zoneOrThrow('America/Los_Angeles');
    const r = parseRange('2027-03-14', '2027-03-14', la, 2);
    expect(r.end.diff(r.start, 'hours').hours).toBe(23);
    expect(utc(parseTime('2027-03-13T09:00', la, 's').dt)).toBe('2027-03-13T17:00:00Z');
    expect(utc(parseTime('2027-03-15T09:00', la, 's').dt)).toBe('2027-03-15T16:00:00Z');
  });

  it("reads Graph's dateTimeTimeZone back in the zone asked for", () => {
    const london = zoneOrThrow('Europe/London');
    expect(localOut({ dateTime: '2027-03-15T09:00:00.0000000', timeZone: 'GMT Standard Time' }, london)).toBe('2027-03-15T09:00');
    expect(localOut({ dateTime: '2027-03-15T09:00:00.0000000', timeZone: 'Pacific Standard Time' }, london)).toBe('2027-03-15T16:00');
    expect(localOut({ dateTime: '2027-03-12T09:00:00.0000000', timeZone: 'Pacific Standard Time' }, london)).toBe('2027-03-12T17:00');
    expect(localOut({ dateTime: '2027-03-15T16:00:00.0000000', timeZone: 'UTC' }, zoneOrThrow('Asia/Tokyo'))).toBe('2027-03-16T01:00');
  });
});

describe('calendar recurrence', () => {
  const z = zoneOrThrow('Pacific Standard Time');
  const monday = parseTime('2027-03-01T09:00', z, 'start').dt;

  it('turns repeat into Graph patterns and ranges', () => {
    expect(toRecurrence({ every: 'week', interval: 1 }, monday, z)).toEqual({
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: { type: 'noEnd', startDate: '2027-03-01', recurrenceTimeZone: 'Pacific Standard Time' },
    });
    expect(toRecurrence({ every: 'day', interval: 2, count: 5 }, monday, z)).toMatchObject({ pattern: { type: 'daily', interval: 2 }, range: { type: 'numbered', numberOfOccurrences: 5 } });
    expect(toRecurrence({ every: 'month', interval: 1, until: '2027-12-31' }, monday, z)).toMatchObject({ pattern: { type: 'absoluteMonthly', dayOfMonth: 1 }, range: { type: 'endDate', endDate: '2027-12-31' } });
    expect(toRecurrence({ every: 'year', interval: 1 }, monday, z)).toMatchObject({ pattern: { type: 'absoluteYearly', dayOfMonth: 1, month: 3 } });
  });

  it('refuses contradictions', () => {
    expect(() => toRecurrence({ every: 'day', interval: 1, days: ['monday'] }, monday, z)).toThrow(/only to every: "week"/);
    expect(() => toRecurrence({ every: 'week', interval: 1, until: '2027-06-01', count: 3 }, monday, z)).toThrow(/not both/);
    expect(() => toRecurrence({ every: 'week', interval: 1, until: '2027-02-01' }, monday, z)).toThrow(/before the first occurrence/);
  });

  it('describes a series in words', () => {
    expect(describeRecurrence({ pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'] }, range: { type: 'endDate', startDate: '2027-03-01', endDate: '2027-06-30' } }))
      .toBe('every 2 weeks on monday, thursday from 2027-03-01 until 2027-06-30');
    expect(describeRecurrence({ pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' }, range: { type: 'noEnd', startDate: '2027-03-01' } }))
      .toBe('every month on the last friday from 2027-03-01');
    expect(describeRecurrence(null)).toBeUndefined();
  });
});
