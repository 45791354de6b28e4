import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const PROGRESS_EVERY_MS = 1_000;

export function progress(message: string): void {
  console.error(`[bench] ${message}`);
}

export function rssMiB(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export interface UntilOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** One line on where things stand, printed every second. */
  status: () => string | Promise<string>;
  /** Between checks; bounds how late the moment a condition became true is noticed. */
  intervalMs?: number;
}

/** Checks `reached` until it holds, printing progress; gives up on timeout or abort. */
export async function until(what: string, reached: () => boolean | Promise<boolean>, options: UntilOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  let nextProgress = performance.now() + PROGRESS_EVERY_MS;
  while (!(await reached())) {
    options.signal.throwIfAborted();
    const now = performance.now();
    if (now > deadline) {
      throw new Error(`gave up waiting for ${what} after ${options.timeoutMs / 1000} s (${await options.status()})`);
    }
    if (now >= nextProgress) {
      progress(await options.status());
      nextProgress = now + PROGRESS_EVERY_MS;
    }
    await sleep(options.intervalMs ?? 20, undefined, { signal: options.signal });
  }
}

/**
 * Runs tasks side by side; the first failure aborts the others, and it returns (or throws the
 * first failure) only once all have stopped, so nothing still runs while the app closes.
 */
export async function together(signal: AbortSignal, ...tasks: ((signal: AbortSignal) => Promise<void>)[]): Promise<void> {
  const failed = new AbortController();
  const combined = AbortSignal.any([signal, failed.signal]);
  const results = await Promise.allSettled(
    tasks.map((task) =>
      task(combined).catch((error: unknown) => {
        failed.abort(error);
        throw error;
      }),
    ),
  );
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    throw signal.aborted ? signal.reason : failed.signal.reason;
  }
}
