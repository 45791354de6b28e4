import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';
import { QueryTally, StatementKind } from './query-tally';

/** `db_queries_total`: the process's QueryTally, brought up to date at each scrape, by how the statement was sent. */
@Injectable()
export class DatabaseQueryMetrics {
  constructor(metrics: MetricsService) {
    const reported: Record<StatementKind, number> = { prepared: 0, plain: 0 };
    new Counter({
      name: 'db_queries_total',
      help: 'Queries the pooled connections sent to PostgreSQL, one round trip each, by statement (prepared or plain)',
      labelNames: ['statement'],
      registers: [metrics.registry],
      collect(this: Counter<'statement'>) {
        const now = QueryTally.soFar();
        for (const statement of ['prepared', 'plain'] as const) {
          this.inc({ statement }, now[statement] - reported[statement]);
          reported[statement] = now[statement];
        }
      },
    });
  }
}
