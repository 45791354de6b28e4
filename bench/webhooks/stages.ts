import { OomnitzaRecordsUpsert, ZoomUserChanged } from '@zoom-oomnitza-sync/contracts';
import { samplesOf, ServiceName } from '@zoom-oomnitza-sync/local-platform';
import { ServiceMetrics } from './service-metrics';

/** One stage of a webhook's way, read from a service's Prometheus histogram of seconds. */
interface Stage {
  name: string;
  service: ServiceName;
  metric: string;
  /** The logical topic the stage's samples are labelled with (resolved names carry the deployment's prefix). */
  topic?: string;
  labels?: Record<string, string>;
}

const STAGES: Stage[] = [
  {
    name: 'answered by the fetcher',
    service: 'zoom-fetcher',
    metric: 'http_request_duration_seconds',
    labels: { route: '/webhooks/zoom/:endpointId' },
  },
  {
    name: 'zoom.user.changed published',
    service: 'zoom-fetcher',
    metric: 'messaging_outbox_publish_latency_seconds',
    topic: ZoomUserChanged.topic,
  },
  { name: 'applied by the mapper', service: 'mapper', metric: 'messaging_delivery_latency_seconds', topic: ZoomUserChanged.topic },
  { name: 'records published', service: 'mapper', metric: 'messaging_outbox_publish_latency_seconds', topic: OomnitzaRecordsUpsert.topic },
  {
    name: 'stored by the writer',
    service: 'oomnitza-writer',
    metric: 'messaging_delivery_latency_seconds',
    topic: OomnitzaRecordsUpsert.topic,
  },
  {
    name: 'written to Oomnitza',
    service: 'oomnitza-writer',
    metric: 'oomnitza_writer_batch_latency_seconds',
    labels: { portion: 'rolling' },
  },
];

export type StageReading = Map<string, { sum: number; count: number }>;

/** The running totals of every stage's histogram, in a scrape. */
export function readStages(metrics: ServiceMetrics): StageReading {
  return new Map(
    STAGES.map((stage) => {
      const text = metrics.get(stage.service)!;
      return [stage.name, { sum: totalOf(text, `${stage.metric}_sum`, stage), count: totalOf(text, `${stage.metric}_count`, stage) }];
    }),
  );
}

/** Mean milliseconds of each stage between two readings: where a webhook's time goes, hop by hop. */
export function stageMeansMs(before: StageReading, after: StageReading): [string, number | undefined][] {
  return STAGES.map(({ name }) => {
    const sum = after.get(name)!.sum - before.get(name)!.sum;
    const count = after.get(name)!.count - before.get(name)!.count;
    return [name, count > 0 ? (sum * 1000) / count : undefined];
  });
}

export const STAGE_NAMES = STAGES.map((stage) => stage.name);

function totalOf(text: string, sample: string, stage: Stage): number {
  return samplesOf(text, sample)
    .filter(({ labels }) => stage.topic === undefined || labels.topic?.endsWith(stage.topic))
    .filter(({ labels }) => Object.entries(stage.labels ?? {}).every(([label, value]) => labels[label] === value))
    .reduce((total, { value }) => total + value, 0);
}
