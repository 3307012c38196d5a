// Meeting requests, responses and cancellations as Graph types them: messages whose @odata.type is
// #microsoft.graph.eventMessageRequest, #microsoft.graph.eventMessageResponse or #microsoft.graph.eventMessage,
// with the derived type's properties where Exchange writes them (its flags after inferenceClassification, its
// times and places after flag). Graph refuses the bare names in $select on a message collection ("Could not find
// a property named 'meetingMessageType' on type 'microsoft.graph.message'"), so they are selected through a type
// cast (microsoft.graph.eventMessage/startDateTime) and come back under their plain names; likewise the event a
// meeting message links to is reached through the cast navigation microsoft.graph.eventMessage/event.

import type { EventMessageFacts, EventMessageType } from '../meeting-mail.js';
import { parseUri, unknownMessageProperty } from '../errors.js';

const BASE_HEAD = ['meetingMessageType', 'type', 'isOutOfDate', 'isAllDay', 'isDelegated'];
const BASE_TAIL = ['startDateTime', 'endDateTime', 'location', 'recurrence'];
const LAYOUT: Record<EventMessageType, { head: string[]; tail: string[] }> = {
  eventMessage: { head: BASE_HEAD, tail: BASE_TAIL },
  eventMessageRequest: {
    head: [...BASE_HEAD, 'responseRequested', 'allowNewTimeProposals', 'meetingRequestType'],
    tail: [...BASE_TAIL, 'previousLocation', 'previousStartDateTime', 'previousEndDateTime'],
  },
  eventMessageResponse: { head: [...BASE_HEAD, 'responseType'], tail: [...BASE_TAIL, 'proposedNewTime'] },
};
const TYPES = Object.keys(LAYOUT) as EventMessageType[];

/** Every property a type adds to message (its base type's included). */
const propertiesOf = (t: EventMessageType) => [...LAYOUT[t].head, ...LAYOUT[t].tail];
const ALL = new Set(TYPES.flatMap(propertiesOf));

/** Whether a message of type `actual` is a `cast`: eventMessage is the base of the other two. */
export const isA = (actual: EventMessageType, cast: EventMessageType) => cast === actual || cast === 'eventMessage';

export const isEventMessageProperty = (name: string) => ALL.has(name);

export const odataType = (facts: EventMessageFacts) => `#microsoft.graph.${facts.odataType}`;

/** The type a cast segment or prefix names (microsoft.graph.eventMessageRequest, any case), if it is one of these. */
export function castType(segment: string): EventMessageType | undefined {
  const m = /^microsoft\.graph\.(\w+)$/i.exec(segment.trim());
  return m ? TYPES.find((t) => t.toLowerCase() === m[1].toLowerCase()) : undefined;
}

/** A message's properties in Graph's order when nothing is selected: message's own, the derived ones in place. */
export function defaultProperties(base: readonly string[], facts: EventMessageFacts): string[] {
  const { head, tail } = LAYOUT[facts.odataType];
  // A response without a proposal has no proposedNewTime at all (Exchange leaves it out rather than writing null).
  const after = tail.filter((p) => p !== 'proposedNewTime' || facts.proposedNewTime);
  const out: string[] = [];
  for (const p of base) {
    out.push(p);
    if (p === 'inferenceClassification') out.push(...head);
    if (p === 'flag') out.push(...after);
  }
  return out;
}

/**
 * A cast-qualified $select item (microsoft.graph.eventMessage/startDateTime) in canonical spelling, or undefined
 * when the name has no cast. `plain` resolves message's own properties, which a cast may name too.
 */
export function resolveCastProperty(name: string, plain: (name: string) => string | undefined): string | undefined {
  const m = /^\s*([\w.]+)\/(\w+)\s*$/.exec(name);
  if (!m) return undefined;
  const type = castType(m[1]);
  if (!type) throw unknownMessageProperty(name.trim());
  const prop = propertiesOf(type).find((p) => p.toLowerCase() === m[2].toLowerCase()) ?? plain(m[2]);
  if (!prop) throw parseUri(`Could not find a property named '${m[2]}' on type 'microsoft.graph.${type}'.`);
  return `microsoft.graph.${type}/${prop}`;
}

/** The cast and property of a canonical cast-qualified name, or undefined for a plain property. */
export function splitCast(name: string): { cast: EventMessageType; prop: string } | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return undefined;
  return { cast: castType(name.slice(0, slash))!, prop: name.slice(slash + 1) };
}

/** The value of a derived property of a meeting message. */
export function eventMessageValue(facts: EventMessageFacts, prop: string): unknown {
  const v = (facts as unknown as Record<string, unknown>)[prop];
  return v === undefined ? null : structuredClone(v);
}
