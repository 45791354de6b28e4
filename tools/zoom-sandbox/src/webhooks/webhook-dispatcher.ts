import { randomBytes } from 'node:crypto';
import { SandboxAccount } from '../accounts/sandbox-account';
import { Clock } from '../clock';
import { FaultInjector } from '../faults/fault-injector';
import { InvalidInputError } from '../input-error';
import { signedWebhookHeaders, urlValidationAnswer } from './signature';
import { WebhookEvent } from './webhook-events';
import { PostOutcome, WebhookPoster } from './webhook-post';

export interface DeliveryTiming {
  /** Waits before each retry after a 5xx, a timeout or a network error (Zoom: 5, 20, 60 min). */
  retryDelaysMs: readonly number[];
  /** How long the endpoint has to answer (Zoom: 3 s). */
  timeoutMs: number;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  outcome: 'delivered' | 'http-error' | 'timeout' | 'network-error';
  status?: number;
  error?: string;
  /** Set when another attempt follows, after this many milliseconds. */
  nextAttemptInMs?: number;
}

export type DeliveryState = 'pending' | 'held' | 'delivered' | 'failed' | 'dropped' | 'not-subscribed' | 'subscription-disabled';

export interface DeliveryRecord {
  id: number;
  accountId: string;
  event: string;
  eventTs: number;
  /** The exact bytes sent (every attempt sends the same body). */
  body: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Set on the extra copy a duplicate-webhooks fault sends. */
  duplicateOf?: number;
}

export interface UrlValidationResult {
  accountId: string;
  at: string;
  validated: boolean;
  status?: number;
  reason?: string;
  consecutiveFailures: number;
  subscriptionEnabled: boolean;
}

const FAILURES_BEFORE_DISABLING = 6;
const VALIDATION_LOG_LIMIT = 100;

/**
 * Sends webhook events as Zoom does: signed, at least once, unordered. A 2xx within the timeout
 * is a delivery; a 5xx, a timeout or a network error is retried on the schedule, then given up;
 * any other status is never retried. Faults can drop, duplicate or reorder events.
 */
export class WebhookDispatcher {
  private readonly records: DeliveryRecord[] = [];
  private readonly validations: UrlValidationResult[] = [];
  private readonly held = new Map<number, { account: SandboxAccount; record: DeliveryRecord }[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly poster = new WebhookPoster();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly faults: FaultInjector,
    private readonly timing: DeliveryTiming,
    private readonly logLimit: number,
  ) {
    faults.onClear(() => {
      for (const batch of [...this.held.keys()]) {
        this.release(batch);
      }
    });
  }

  dispatch(account: SandboxAccount, event: WebhookEvent): DeliveryRecord {
    const record = this.newRecord(account, event.event, event.event_ts, JSON.stringify(event));
    const subscription = account.subscription;
    if (!subscription.url || !subscription.secretToken) {
      record.state = 'not-subscribed';
      return record;
    }
    if (!subscription.enabled) {
      record.state = 'subscription-disabled';
      return record;
    }
    const fault = this.faults.forWebhook();
    if (fault?.kind === 'drop') {
      record.state = 'dropped';
    } else if (fault?.kind === 'duplicate') {
      const copy = this.newRecord(account, record.event, record.eventTs, record.body);
      copy.duplicateOf = record.id;
      void this.attempt(account, record);
      void this.attempt(account, copy);
    } else if (fault?.kind === 'reorder') {
      record.state = 'held';
      this.held.set(fault.batch, [...(this.held.get(fault.batch) ?? []), { account, record }]);
      if (fault.complete) {
        this.release(fault.batch);
      }
    } else {
      void this.attempt(account, record);
    }
    return record;
  }

  deliveries(accountId?: string): DeliveryRecord[] {
    return this.records
      .filter((record) => accountId === undefined || record.accountId === accountId)
      .map((record) => structuredClone(record));
  }

  urlValidations(accountId?: string): UrlValidationResult[] {
    return this.validations.filter((result) => accountId === undefined || result.accountId === accountId).map((result) => ({ ...result }));
  }

  /** Sends an endpoint.url_validation challenge and checks the answer. */
  async validateUrl(account: SandboxAccount): Promise<UrlValidationResult> {
    const subscription = account.subscription;
    if (!subscription.url || !subscription.secretToken) {
      throw new InvalidInputError('the account has no webhook subscription (URL and secret token)', 409);
    }
    const plainToken = randomBytes(16).toString('base64url');
    const body = JSON.stringify({ payload: { plainToken }, event_ts: this.clock.now(), event: 'endpoint.url_validation' });
    const outcome = await this.poster.post(
      subscription.url,
      body,
      signedWebhookHeaders(subscription.secretToken, body, this.clock.now()),
      this.timing.timeoutMs,
    );
    const failure = validationFailure(outcome, urlValidationAnswer(subscription.secretToken, plainToken));
    subscription.consecutiveValidationFailures = failure ? subscription.consecutiveValidationFailures + 1 : 0;
    subscription.enabled = subscription.consecutiveValidationFailures < FAILURES_BEFORE_DISABLING;
    const result: UrlValidationResult = {
      accountId: account.accountId,
      at: new Date(this.clock.now()).toISOString(),
      validated: !failure,
      status: outcome.kind === 'response' ? outcome.status : undefined,
      reason: failure,
      consecutiveFailures: subscription.consecutiveValidationFailures,
      subscriptionEnabled: subscription.enabled,
    };
    this.validations.push(result);
    if (this.validations.length > VALIDATION_LOG_LIMIT) {
      this.validations.shift();
    }
    return { ...result };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.poster.close();
  }

  private newRecord(account: SandboxAccount, event: string, eventTs: number, body: string): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.nextId++,
      accountId: account.accountId,
      event,
      eventTs,
      body,
      state: 'pending',
      attempts: [],
    };
    this.records.push(record);
    if (this.records.length > this.logLimit) {
      this.records.shift();
    }
    return record;
  }

  /** Held events go out last first, each after the previous one's first attempt has finished. */
  private release(batch: number): void {
    const events = this.held.get(batch) ?? [];
    this.held.delete(batch);
    void (async () => {
      for (const { account, record } of events.reverse()) {
        record.state = 'pending';
        await this.attempt(account, record);
      }
    })();
  }

  private async attempt(account: SandboxAccount, record: DeliveryRecord): Promise<void> {
    const { url, secretToken } = account.subscription;
    if (this.closed || !url || !secretToken) {
      return;
    }
    const startedAt = this.clock.now();
    const outcome = await this.poster.post(
      url,
      record.body,
      signedWebhookHeaders(secretToken, record.body, startedAt),
      this.timing.timeoutMs,
    );
    if (this.closed) {
      return;
    }
    const attempt: DeliveryAttempt = { attempt: record.attempts.length + 1, at: new Date(startedAt).toISOString(), ...describe(outcome) };
    record.attempts.push(attempt);
    if (attempt.outcome === 'delivered') {
      record.state = 'delivered';
      return;
    }
    const retriesUsed = record.attempts.length - 1;
    const retryable = attempt.outcome !== 'http-error' || (attempt.status ?? 0) >= 500;
    if (!retryable || retriesUsed >= this.timing.retryDelaysMs.length) {
      record.state = 'failed';
      return;
    }
    attempt.nextAttemptInMs = this.timing.retryDelaysMs[retriesUsed];
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(account, record);
    }, attempt.nextAttemptInMs);
    this.timers.add(timer);
  }
}

function describe(outcome: PostOutcome): Pick<DeliveryAttempt, 'outcome' | 'status' | 'error'> {
  if (outcome.kind === 'timeout') {
    return { outcome: 'timeout' };
  }
  if (outcome.kind === 'network-error') {
    return { outcome: 'network-error', error: outcome.message };
  }
  return { outcome: outcome.status >= 200 && outcome.status < 300 ? 'delivered' : 'http-error', status: outcome.status };
}

/** Why the answer to a challenge is wrong, or undefined when it is right. */
function validationFailure(outcome: PostOutcome, expected: { plainToken: string; encryptedToken: string }): string | undefined {
  if (outcome.kind !== 'response') {
    return outcome.kind === 'timeout' ? 'no answer within the timeout' : `network error: ${outcome.message}`;
  }
  if (outcome.status !== 200) {
    return `status ${outcome.status}, expected 200`;
  }
  let answer: unknown;
  try {
    answer = JSON.parse(outcome.body);
  } catch {
    return 'the answer is not JSON';
  }
  const { plainToken, encryptedToken } = (answer ?? {}) as Record<string, unknown>;
  if (plainToken !== expected.plainToken) {
    return 'plainToken differs from the challenge';
  }
  if (encryptedToken !== expected.encryptedToken) {
    return 'encryptedToken is not HMAC-SHA256(secret token, plainToken) in hex';
  }
  return undefined;
}
