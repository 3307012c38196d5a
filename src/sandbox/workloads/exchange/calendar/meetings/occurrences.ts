// Occurrences that stop following their series. Changing one occurrence (its time, subject, an attendee's
// answer) turns it into an exception: an item of its own, stored with the master under the occurrence's
// original start, that keeps its id. Deleting or cancelling one occurrence records it among the master's
// cancelled occurrences.

import type { Instance } from '../instances.js';
import type { StoredEvent } from '../model.js';

/** The exception item of an occurrence, created from the master on first change. */
export function exceptionFor(instance: Instance): StoredEvent {
  if (instance.exception) return instance.exception;
  const { master } = instance;
  const exception: StoredEvent = {
    ...structuredClone({ ...master, exceptions: new Map<number, StoredEvent>(), cancelledOccurrences: new Set<number>() }),
    type: 'exception',
    recurrence: null,
    originalStartMs: instance.originalStartMs,
    startMs: instance.startMs,
    endMs: instance.endMs,
  };
  master.exceptions.set(instance.originalStartMs, exception);
  instance.exception = exception;
  return exception;
}

export function cancelOccurrence(master: StoredEvent, originalStartMs: number): void {
  master.exceptions.delete(originalStartMs);
  master.cancelledOccurrences.add(originalStartMs);
}
