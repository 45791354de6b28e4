/**
 * Closes what `close` closes on SIGINT or SIGTERM, then exits (0, or 1 when closing failed).
 * Call it before saying the thing is up: whoever reads that line may signal at once.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
