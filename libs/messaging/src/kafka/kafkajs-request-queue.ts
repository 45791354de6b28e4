/** The part of kafkajs' per-connection RequestQueue (kafkajs/src/network/requestQueue) this fix touches. */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own interval for re-checking requests that wait while the throttle is (nearly) over. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/**
 * kafkajs 2.2.4 re-checks an empty request queue every millisecond, forever, on every broker
 * connection (tulios/kafkajs#1556, #1704: still open, no release since). On this platform that was
 * about 5 % of a core per idle service, taken from the services doing the work. A check is needed
 * only while requests wait: a request queued behind a throttle schedules one, and a request
 * answered or timed out checks the queue itself.
 */
export function stopIdleRequestQueueLoop(): void {
  // kafkajs ships its sources and does not export the queue.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const queueClass: { prototype: RequestQueue } = require('kafkajs/src/network/requestQueue');
  queueClass.prototype.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) {
      return;
    }
    const untilUnthrottled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
}
