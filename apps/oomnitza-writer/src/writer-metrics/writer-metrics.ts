import { Injectable } from '@nestjs/common';
import { MetricsService } from '@zoom-oomnitza-sync/platform';
import { Counter, Gauge, Histogram } from 'prom-client';

export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
/**
 * Why a record was not written: older than what was written, a partial record for someone never
 * written, its run had ended, or a removal the integration's policy ignores.
 */
export type DropReason = 'stale' | 'partial_unknown' | 'run_closed' | 'removal_ignored';
export type PortionKind = 'run' | 'rolling';

const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** The writer's Prometheus metrics; labels never name an integration, so their number stays small. */
@Injectable()
export class WriterMetrics {
  readonly pendingRecords: Gauge;
  readonly latency: Histogram<'portion'>;
  readonly records: Counter<'outcome'>;
  readonly dropped: Counter<'reason'>;
  readonly queueAnalyzed: Counter;
  readonly queueVacuumed: Counter;

  constructor(metrics: MetricsService) {
    this.pendingRecords = metrics.gauge('oomnitza_writer_pending_records', 'Records received and not yet written (backlog)');
    this.latency = metrics.histogram(
      'oomnitza_writer_batch_latency_seconds',
      "Time from a record's arrival at the writer to Oomnitza's answer to the request that carried it",
      ['portion'],
      LATENCY_BUCKETS,
    );
    this.records = metrics.counter('oomnitza_writer_records_total', 'Records the writer accounted for, by outcome', ['outcome']);
    this.dropped = metrics.counter('oomnitza_writer_dropped_records_total', 'Records the writer did not send, and why', ['reason']);
    this.queueAnalyzed = metrics.counter('oomnitza_writer_queue_analyzed_total', 'ANALYZE runs of pending_records this replica made');
    this.queueVacuumed = metrics.counter('oomnitza_writer_queue_vacuumed_total', 'VACUUM runs of pending_records this replica made');
  }
}
