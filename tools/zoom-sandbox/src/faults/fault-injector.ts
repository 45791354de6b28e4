import { InvalidInputError } from '../input-error';
import { RateLimitType } from '../rate-limit/rate-limiter';

export type ServerErrorStatus = 500 | 502 | 503 | 504;

/**
 * Faults to inject. Request faults hit requests whose path starts with `pathPrefix` (default
 * "/v2/"; "/oauth/" targets token minting). `count` is how many requests or webhooks are hit;
 * latency without a count lasts until the faults are cleared.
 */
export type FaultSpec =
  | { kind: 'latency'; ms: number; count?: number; pathPrefix?: string }
  | { kind: 'server-error'; count: number; status?: ServerErrorStatus; pathPrefix?: string }
  | { kind: 'rate-limit'; count: number; limitType?: RateLimitType; headers?: 'full' | 'partial' | 'none'; pathPrefix?: string }
  | { kind: 'hold-answers'; count: number; pathPrefix?: string }
  | { kind: 'drop-webhooks'; count: number }
  | { kind: 'duplicate-webhooks'; count: number }
  | { kind: 'reorder-webhooks'; count: number };

export type ActiveFault = FaultSpec & { id: number; remaining: number | null };

export type RequestFailure =
  | { kind: 'server-error'; status: ServerErrorStatus }
  | { kind: 'rate-limit'; limitType: RateLimitType; headers: 'full' | 'partial' | 'none' };

export interface RequestFaults {
  latencyMs: number;
  failure?: RequestFailure;
  /** Answer as usual, but send the answer only once the faults are cleared. */
  holdAnswer?: boolean;
}

export type WebhookFault = { kind: 'drop' } | { kind: 'duplicate' } | { kind: 'reorder'; batch: number; complete: boolean };

const REQUEST_KINDS = new Set(['latency', 'server-error', 'rate-limit', 'hold-answers']);
const DEFAULT_PATH_PREFIX = '/v2/';

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly clearListeners: (() => void)[] = [];
  private releaseHeld: (() => void)[] = [];
  private heldCount = 0;

  add(spec: FaultSpec): ActiveFault {
    const fault = { ...spec, id: this.nextId++, remaining: spec.count ?? null } as ActiveFault;
    this.faults.push(fault);
    return { ...fault };
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
    for (const listener of this.clearListeners) {
      listener();
    }
    const released = this.releaseHeld;
    this.releaseHeld = [];
    for (const release of released) {
      release();
    }
  }

  /** Answers built and held back by hold-answers faults, not yet sent. */
  get heldAnswers(): number {
    return this.heldCount;
  }

  /** Holds back an answer that is built until the faults are cleared, then sends it. */
  hold(send: () => void): void {
    this.heldCount += 1;
    this.releaseHeld.push(() => {
      this.heldCount -= 1;
      send();
    });
  }

  onClear(listener: () => void): void {
    this.clearListeners.push(listener);
  }

  /** The faults that hit this request; counts are consumed. Undefined when none apply. */
  forRequest(path: string): RequestFaults | undefined {
    if (this.faults.length === 0) {
      return undefined;
    }
    let latencyMs = 0;
    let failure: RequestFailure | undefined;
    let holdAnswer = false;
    for (const fault of this.faults) {
      if (!REQUEST_KINDS.has(fault.kind) || !path.startsWith(('pathPrefix' in fault && fault.pathPrefix) || DEFAULT_PATH_PREFIX)) {
        continue;
      }
      if (fault.kind === 'latency') {
        latencyMs = Math.max(latencyMs, fault.ms);
        this.consume(fault);
      } else if (fault.kind === 'hold-answers') {
        holdAnswer = true;
        this.consume(fault);
      } else if (!failure) {
        failure =
          fault.kind === 'server-error'
            ? { kind: 'server-error', status: fault.status ?? 500 }
            : fault.kind === 'rate-limit'
              ? { kind: 'rate-limit', limitType: fault.limitType ?? 'QPS', headers: fault.headers ?? 'full' }
              : undefined;
        this.consume(fault);
      }
    }
    this.removeSpent();
    return latencyMs === 0 && !failure && !holdAnswer ? undefined : { latencyMs, failure, holdAnswer };
  }

  /** What happens to the next webhook event; counts are consumed. */
  forWebhook(): WebhookFault | undefined {
    const fault = this.faults.find((each) => !REQUEST_KINDS.has(each.kind));
    if (!fault) {
      return undefined;
    }
    this.consume(fault);
    this.removeSpent();
    if (fault.kind === 'drop-webhooks') {
      return { kind: 'drop' };
    }
    if (fault.kind === 'duplicate-webhooks') {
      return { kind: 'duplicate' };
    }
    return { kind: 'reorder', batch: fault.id, complete: fault.remaining === 0 };
  }

  private consume(fault: ActiveFault): void {
    if (fault.remaining !== null) {
      fault.remaining -= 1;
    }
  }

  private removeSpent(): void {
    this.faults = this.faults.filter((fault) => fault.remaining === null || fault.remaining > 0);
  }
}

/** Checks a fault description from the admin API. */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidInputError('a fault is a JSON object with a "kind"');
  }
  const spec = input as Record<string, unknown>;
  const count = optionalPositiveInteger(spec.count, 'count');
  const pathPrefix = optionalString(spec.pathPrefix, 'pathPrefix');
  switch (spec.kind) {
    case 'latency': {
      const ms = optionalPositiveInteger(spec.ms, 'ms');
      if (ms === undefined) {
        throw new InvalidInputError('latency needs "ms"');
      }
      return { kind: 'latency', ms, count, pathPrefix };
    }
    case 'server-error': {
      if (spec.status !== undefined && ![500, 502, 503, 504].includes(spec.status as number)) {
        throw new InvalidInputError('"status" is one of 500, 502, 503, 504');
      }
      return {
        kind: 'server-error',
        count: requireCount(count, spec.kind),
        status: spec.status as ServerErrorStatus | undefined,
        pathPrefix,
      };
    }
    case 'rate-limit': {
      if (spec.limitType !== undefined && spec.limitType !== 'QPS' && spec.limitType !== 'Daily-limit') {
        throw new InvalidInputError('"limitType" is QPS or Daily-limit');
      }
      if (spec.headers !== undefined && !['full', 'partial', 'none'].includes(spec.headers as string)) {
        throw new InvalidInputError('"headers" is full, partial or none');
      }
      return {
        kind: 'rate-limit',
        count: requireCount(count, spec.kind),
        limitType: spec.limitType as RateLimitType | undefined,
        headers: spec.headers as 'full' | 'partial' | 'none' | undefined,
        pathPrefix,
      };
    }
    case 'hold-answers':
      return { kind: spec.kind, count: requireCount(count, spec.kind), pathPrefix };
    case 'drop-webhooks':
    case 'duplicate-webhooks':
    case 'reorder-webhooks':
      return { kind: spec.kind, count: requireCount(count, spec.kind) };
    default:
      throw new InvalidInputError(
        '"kind" is one of latency, server-error, rate-limit, hold-answers, drop-webhooks, duplicate-webhooks, reorder-webhooks',
      );
  }
}

function requireCount(count: number | undefined, kind: string): number {
  if (count === undefined) {
    throw new InvalidInputError(`${kind} needs "count"`);
  }
  return count;
}

function optionalPositiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new InvalidInputError(`"${name}" is a positive integer`);
  }
  return value as number;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new InvalidInputError(`"${name}" is a string`);
  }
  return value as string | undefined;
}
