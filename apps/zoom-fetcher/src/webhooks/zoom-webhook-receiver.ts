import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialProblemError, CredentialsClient, ZoomWebhookEndpoint } from '@zoom-oomnitza-sync/credentials-client';
import { AppLogger, MetricsService, ServiceUnavailableProblem } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { WebhookTraffic } from '../webhook-traffic/webhook-traffic';
import { WebhookIntake } from './webhook-intake';
import { MalformedWebhookProblem, RefusalReason, WebhookRefusedProblem } from './webhook-problems';
import { parseZoomWebhook, ZoomWebhook } from './zoom-webhook-body';
import { signatureMatches, urlValidationAnswer } from './zoom-signature';

/** A POST to a Zoom webhook endpoint, as it arrived. */
export interface WebhookDelivery {
  endpointId: string;
  rawBody: Buffer;
  signature?: string;
  timestamp?: string;
}

export interface UrlValidationAnswer {
  plainToken: string;
  encryptedToken: string;
}

type Outcome = 'accepted' | 'duplicate' | 'url_validation' | 'ignored' | 'refused' | 'unavailable';

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Zoom's deliveries to one credential's endpoint: verified (endpoint, signature over the raw bytes,
 * signing time) before anything is read from them, then answered at once; what is slow (reading
 * users, Kafka) happens after the answer. Every delivery is counted by outcome.
 */
@Injectable()
export class ZoomWebhookReceiver {
  private readonly log: Logger;
  private readonly maxAgeSeconds: number;
  private readonly maxSkewSeconds: number;
  private readonly deliveries: Counter<'outcome' | 'reason'>;

  constructor(
    private readonly credentials: CredentialsClient,
    private readonly intake: WebhookIntake,
    private readonly traffic: WebhookTraffic,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    metrics: MetricsService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ZoomWebhookReceiver.name });
    this.maxAgeSeconds = config.get('ZOOM_WEBHOOK_MAX_AGE_SECONDS', { infer: true });
    this.maxSkewSeconds = config.get('ZOOM_WEBHOOK_MAX_SKEW_SECONDS', { infer: true });
    this.deliveries = metrics.counter('zoom_webhook_deliveries_total', 'Zoom webhook deliveries by outcome, and why refused or ignored', [
      'outcome',
      'reason',
    ]);
  }

  /** Answers url_validation with its token pair, any other delivery with nothing (200). */
  async receive(delivery: WebhookDelivery): Promise<UrlValidationAnswer | undefined> {
    const endpoint = await this.verify(delivery);
    // Only a verified delivery: unsigned requests must not slow a full sync down.
    this.traffic.delivered();
    let webhook: ZoomWebhook;
    try {
      webhook = await parseZoomWebhook(delivery.rawBody);
    } catch (error) {
      if (error instanceof MalformedWebhookProblem) {
        this.log.warn({ zoomCredentialId: endpoint.zoomCredentialId, problem: error.message }, 'signed Zoom webhook that cannot be read');
        this.count('refused', 'malformed_body');
      }
      throw error;
    }
    if (webhook.kind === 'url_validation') {
      this.count('url_validation');
      return urlValidationAnswer(endpoint.webhookSecretToken, webhook.plainToken);
    }
    if (webhook.kind === 'other') {
      this.count('ignored', 'unhandled_event');
      return undefined;
    }
    if (webhook.accountId !== endpoint.accountId) {
      // Answered 200 all the same: Zoom would retry an error, and the sender is genuine, merely misdirected.
      this.log.warn({ zoomCredentialId: endpoint.zoomCredentialId, event: webhook.event }, 'Zoom webhook for another account: ignored');
      this.count('ignored', 'account_mismatch');
      return undefined;
    }
    this.count(await this.intake.take({ tenantId: endpoint.tenantId, credentialId: endpoint.zoomCredentialId }, webhook));
    return undefined;
  }

  /** The endpoint whose secret token signed this delivery, or a refusal (401) saying why not. */
  private async verify({ endpointId, rawBody, signature, timestamp }: WebhookDelivery): Promise<ZoomWebhookEndpoint> {
    if (signature === undefined || timestamp === undefined) {
      return this.refuse('missing_headers');
    }
    if (!TIMESTAMP.test(timestamp)) {
      return this.refuse('invalid_timestamp');
    }
    const age = Math.floor(Date.now() / 1000) - Number(timestamp);
    if (age > this.maxAgeSeconds) {
      return this.refuse('stale_timestamp');
    }
    if (-age > this.maxSkewSeconds) {
      return this.refuse('future_timestamp');
    }
    const endpoint = await this.endpoint(endpointId);
    if (!SIGNATURE.test(signature) || !signatureMatches(endpoint.webhookSecretToken, timestamp, rawBody, signature)) {
      return this.refuse('bad_signature');
    }
    return endpoint;
  }

  private async endpoint(endpointId: string): Promise<ZoomWebhookEndpoint> {
    try {
      return await this.credentials.zoomWebhookEndpoint(endpointId);
    } catch (error) {
      if (error instanceof CredentialProblemError) {
        return this.refuse('unknown_endpoint');
      }
      // 503: Zoom retries a delivery that failed with 5xx, so it is not lost.
      this.log.warn({ err: error }, 'the credentials service could not resolve a webhook endpoint');
      this.count('unavailable', 'credentials');
      throw new ServiceUnavailableProblem('The webhook endpoint cannot be verified right now; Zoom will retry.');
    }
  }

  private refuse(reason: RefusalReason): never {
    this.count('refused', reason);
    throw new WebhookRefusedProblem(reason);
  }

  private count(outcome: Outcome, reason = 'none'): void {
    this.deliveries.inc({ outcome, reason });
  }
}
