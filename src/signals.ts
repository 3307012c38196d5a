// The stop signal (SIGINT, SIGTERM) of a serving process, listened for once for its whole life.
// Without a listener a signal ends the process at once with no exit code, so the listener is installed
// before anything is served and is shared by the fast path, the hand-over and the full server: a signal
// that arrives in between is kept, never lost. A second signal of the same kind still ends the process.
let stopping: Promise<NodeJS.Signals> | undefined;

export function stopSignal(): Promise<NodeJS.Signals> {
  stopping ??= new Promise((resolve) => {
    const on = (sig: NodeJS.Signals) => {
      process.stderr.write(`Received ${sig}, shutting down.\n`);
      resolve(sig);
    };
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
  return stopping;
}
