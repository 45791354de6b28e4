import { Injectable } from '@nestjs/common';
import { MetricsService } from '@zoom-oomnitza-sync/platform';
import { Counter, Gauge, Histogram } from 'prom-client';

export type HandlerOutcome = 'processed' | 'duplicate' | 'failed';
export type DeadLetterReason = 'invalid-message' | 'permanent-error' | 'retries-exhausted' | 'message-too-large';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The Prometheus metrics of outbox publishing and message consumption. */
@Injectable()
export class MessagingMetrics {
  readonly outboxBacklog: Gauge;
  readonly published: Counter<'topic'>;
  readonly publishLatency: Histogram<'topic'>;
  readonly handlerDuration: Histogram<'topic' | 'outcome'>;
  readonly deliveryLatency: Histogram<'topic'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly retries: Counter<'topic'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly setAside: Counter<'topic'>;
  readonly passedOver: Counter<'topic'>;

  constructor(metrics: MetricsService) {
    this.outboxBacklog = metrics.gauge('messaging_outbox_backlog', 'Outbox rows not yet published');
    this.published = metrics.counter('messaging_outbox_published_total', 'Messages published from the outbox', ['topic']);
    this.publishLatency = metrics.histogram(
      'messaging_outbox_publish_latency_seconds',
      'Time from outbox insert to acknowledged publication',
      ['topic'],
      SECONDS_BUCKETS,
    );
    this.handlerDuration = metrics.histogram(
      'messaging_handler_duration_seconds',
      'Time one handler attempt took (per message, or per batch for batch handlers)',
      ['topic', 'outcome'],
      SECONDS_BUCKETS,
    );
    this.deliveryLatency = metrics.histogram(
      'messaging_delivery_latency_seconds',
      "Time from a message's outbox insert to the commit of the handler that applied it (one hop of a pipeline)",
      ['topic'],
      SECONDS_BUCKETS,
    );
    this.consumerLag = metrics.gauge('messaging_consumer_lag', 'Messages behind the partition end after the last batch', [
      'topic',
      'partition',
    ]);
    this.retries = metrics.counter('messaging_handler_retries_total', 'Handler attempts that failed and were retried', ['topic']);
    this.deadLettered = metrics.counter('messaging_dead_lettered_total', 'Messages sent to a dead-letter topic', ['topic', 'reason']);
    this.setAside = metrics.counter(
      'messaging_outbox_set_aside_total',
      'Outbox messages the broker refused as too large even alone, set aside on the dead-letter topic',
      ['topic'],
    );
    this.passedOver = metrics.counter(
      'messaging_passed_over_total',
      'Valid messages a handler does not accept (nothing to do for it): no transaction, no inbox row',
      ['topic'],
    );
  }
}
