// The stop signal (SIGINT, SIGTERM) of a serving process, listened for once for its whole life.
// Without a listener a signal ends the process at once with no exit code, so the listener is installed
// before anything is served and is shared by the fast path, the hand-over and the full server: a signal
// that arrives in between is kept, never lost. A second signal ends the process at once. The listener stays
// installed after the first signal: the file lock library's exit hook (signal-exit) re-raises a signal it
// believes nobody else handles, which would kill the process before its orderly shutdown ends.
let stopping: Promise<NodeJS.Signals> | undefined;

export function stopSignal(): Promise<NodeJS.Signals> {
  stopping ??= new Promise((resolve) => {
    let received = false;
    const on = (sig: NodeJS.Signals) => {
      if (received) {
        process.stderr.write(`Received ${sig} again, exiting now.\n`);
        process.exit(sig === 'SIGINT' ? 130 : 143);
      }
      received = true;
      process.stderr.write(`Received ${sig}, shutting down.\n`);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  return stopping;
}
