import { HttpError } from '../http/http-error';

/** Faults for the Oomnitza API (never the /sandbox admin API); every part is optional. */
export interface FaultSettingsInput {
  /** Added to every API response: `fixedMs` plus up to `jitterMs` at random. */
  latency?: { fixedMs?: number; jitterMs?: number };
  /** 429 with `Retry-After` for the next `next` requests, then for a `ratio` (0..1) of them. */
  rateLimit?: { next?: number; ratio?: number; retryAfterSeconds?: number; pathPrefix?: string };
  /** A burst of `status` (default 500) answers for the next `next` requests, then for a `ratio` of them. */
  serverErrors?: { next?: number; ratio?: number; status?: number; pathPrefix?: string };
  /** Holds every finalize answer back this long. */
  slowFinalize?: { delayMs?: number };
}

export const FAULT_SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    latency: {
      type: 'object',
      additionalProperties: false,
      properties: { fixedMs: { type: 'integer', minimum: 0, maximum: 60_000 }, jitterMs: { type: 'integer', minimum: 0, maximum: 60_000 } },
    },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      properties: {
        next: { type: 'integer', minimum: 0 },
        ratio: { type: 'number', minimum: 0, maximum: 1 },
        retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
        pathPrefix: { type: 'string' },
      },
    },
    serverErrors: {
      type: 'object',
      additionalProperties: false,
      properties: {
        next: { type: 'integer', minimum: 0 },
        ratio: { type: 'number', minimum: 0, maximum: 1 },
        status: { type: 'integer', minimum: 500, maximum: 599 },
        pathPrefix: { type: 'string' },
      },
    },
    slowFinalize: {
      type: 'object',
      additionalProperties: false,
      properties: { delayMs: { type: 'integer', minimum: 0, maximum: 600_000 } },
    },
  },
} as const;

interface InjectionCounts {
  rateLimited: number;
  serverErrors: number;
}

type WaitKind = 'latency' | 'finalize';

interface HeldRequest {
  readonly kind: WaitKind;
  readonly timer: NodeJS.Timeout;
  readonly release: () => void;
  readonly abort: (error: Error) => void;
}

export class Faults {
  private settings: FaultSettingsInput = {};
  private injected: InjectionCounts = { rateLimited: 0, serverErrors: 0 };
  private readonly held = new Set<HeldRequest>();

  constructor(initial: FaultSettingsInput = {}) {
    this.set(initial);
  }

  /**
   * Replaces every fault setting and restarts the injection counts. Requests held by the old
   * latency or slow finalize go on at once: new settings apply now, not after old waits.
   */
  set(settings: FaultSettingsInput): void {
    this.settings = structuredClone(settings);
    this.injected = { rateLimited: 0, serverErrors: 0 };
    for (const request of this.held) {
      request.release();
    }
  }

  /** The settings, what was injected since they were set, and how many requests are held right now. */
  snapshot(): FaultSettingsInput & { injected: InjectionCounts; held: Record<WaitKind, number> } {
    const held = { latency: 0, finalize: 0 };
    for (const request of this.held) {
      held[request.kind] += 1;
    }
    return { ...structuredClone(this.settings), injected: { ...this.injected }, held };
  }

  /** Latency first, then a 429, then a 5xx: throws the injected answer as an HttpError. */
  async beforeRequest(path: string): Promise<void> {
    const { latency, rateLimit, serverErrors } = this.settings;
    if (latency && ((latency.fixedMs ?? 0) > 0 || (latency.jitterMs ?? 0) > 0)) {
      await this.hold('latency', (latency.fixedMs ?? 0) + Math.random() * (latency.jitterMs ?? 0));
    }
    if (rateLimit && this.strikes(rateLimit, path)) {
      this.injected.rateLimited += 1;
      const retryAfter = String(rateLimit.retryAfterSeconds ?? 1);
      throw new HttpError(429, 'Too many requests', undefined, { 'retry-after': retryAfter });
    }
    if (serverErrors && this.strikes(serverErrors, path)) {
      this.injected.serverErrors += 1;
      throw new HttpError(serverErrors.status ?? 500, 'Injected server error');
    }
  }

  async beforeFinalize(): Promise<void> {
    const delayMs = this.settings.slowFinalize?.delayMs ?? 0;
    if (delayMs > 0) {
      await this.hold('finalize', delayMs);
    }
  }

  /** Fails every held request at once (with an AbortError); for shutting down. */
  abortWaits(): void {
    const error = Object.assign(new Error('The sandbox is shutting down'), { name: 'AbortError' });
    for (const request of this.held) {
      request.abort(error);
    }
  }

  private hold(kind: WaitKind, milliseconds: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(request.timer);
        this.held.delete(request);
        settle();
      };
      const request: HeldRequest = {
        kind,
        timer: setTimeout(() => finish(resolve), milliseconds),
        release: () => finish(resolve),
        abort: (error) => finish(() => reject(error)),
      };
      this.held.add(request);
    });
  }

  private strikes(fault: { next?: number; ratio?: number; pathPrefix?: string }, path: string): boolean {
    if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) {
      return false;
    }
    if ((fault.next ?? 0) > 0) {
      fault.next = (fault.next as number) - 1;
      return true;
    }
    return (fault.ratio ?? 0) > 0 && Math.random() < (fault.ratio as number);
  }
}
