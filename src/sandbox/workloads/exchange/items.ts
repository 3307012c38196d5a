// Graph's complex types every Exchange item is made of (messages, events, and later contacts and tasks):
// emailAddress, recipient, itemBody, dateTimeTimeZone and patternedRecurrence (events and To Do tasks), declared
// once for the whole family.

export interface EmailAddress {
  name: string;
  address: string;
}

export interface Recipient {
  emailAddress: EmailAddress;
}

export interface ItemBody {
  contentType: 'html' | 'text';
  content: string;
}

/** A dateTimeTimeZone value: wall-clock time (no offset) and the zone name it is read in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface RecurrencePattern {
  type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
  interval: number;
  month: number;
  dayOfMonth: number;
  daysOfWeek: DayOfWeek[];
  firstDayOfWeek: DayOfWeek;
  index: 'first' | 'second' | 'third' | 'fourth' | 'last';
}

export interface RecurrenceRange {
  type: 'endDate' | 'noEnd' | 'numbered';
  startDate: string;
  endDate: string;
  recurrenceTimeZone: string;
  numberOfOccurrences: number;
}

export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}
