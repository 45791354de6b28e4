const SLICE_MS = 500;

/** Raised when the consumer stops during a retry pause: the message stays unresolved for redelivery. */
export class ProcessingInterrupted extends Error {
  constructor() {
    super('consumer is stopping');
    this.name = 'ProcessingInterrupted';
  }
}

/** Waits between retries while keeping the group membership alive with heartbeats. */
export async function pauseWithHeartbeat(ms: number, heartbeat: () => Promise<void>, stopping: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (stopping()) {
      throw new ProcessingInterrupted();
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, SLICE_MS)));
    await heartbeat();
  }
}
