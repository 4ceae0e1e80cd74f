/**
 * A SIGTERM starts a graceful close (HTTP drains, the worker finishes its current item); if that
 * takes longer than the deadline, exit anyway so the orchestrator is not left waiting.
 */
export function exitIfShutdownStalls(deadlineMs: number, onStall: (signal: string) => void = () => undefined): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        onStall(signal);
        process.exit(1);
      }, deadlineMs).unref();
    });
  }
}
