// Graph's complex types every Exchange item is made of (messages, events, and later contacts and tasks):
// emailAddress, recipient, itemBody and dateTimeTimeZone, declared once for the whole workload.

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
