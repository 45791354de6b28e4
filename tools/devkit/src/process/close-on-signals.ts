import { constants } from 'node:os';

/**
 * Closes what `close` closes on SIGINT or SIGTERM, then exits: 0 where a signal is the normal way
 * to stop (a sandbox), 128 + the signal's number with `failOnSignal` (a bench or demo cut short
 * did not finish), 1 when closing failed. Call it before saying the thing is up: whoever reads
 * that line may signal at once. Returns what takes the handlers off again, for a thing closed
 * otherwise (a stack stopped by its script, which may start another).
 */
export function closeOnSignals(close: () => Promise<void>, { failOnSignal = false } = {}): () => void {
  const stop = (signal: NodeJS.Signals) => {
    close().then(
      () => process.exit(failOnSignal ? 128 + constants.signals[signal] : 0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}
