import { Injectable } from '@nestjs/common';
import { MetricsService } from '@zoom-oomnitza-sync/platform';
import { Counter } from 'prom-client';

/** What became of Zoom webhook changes: there is no run to count them against. */
@Injectable()
export class UserChangeMetrics {
  readonly mapped: Counter<'kind'>;
  readonly rejected: Counter<'reason'>;
  readonly skipped: Counter<'reason'>;

  constructor(metrics: MetricsService) {
    this.mapped = metrics.counter(
      'webhook_changes_mapped_total',
      'Zoom webhook changes handed to the writer, by kind (complete, partial)',
      ['kind'],
    );
    this.rejected = metrics.counter(
      'webhook_changes_rejected_total',
      'Zoom webhook changes not handed on because Oomnitza would refuse them',
      ['reason'],
    );
    this.skipped = metrics.counter(
      'webhook_changes_skipped_total',
      'Zoom webhook changes dropped: the integration is unknown, not active or has no mapping, or the change names no sync key',
      ['reason'],
    );
  }
}
