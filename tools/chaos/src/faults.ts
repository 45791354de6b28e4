import { ServiceName } from '@zoom-oomnitza-sync/local-platform';

/** What the chaos run does to the platform, one at a time, while a full sync goes on. */
export type Fault =
  /** SIGKILL one process of a service (nothing flushed, no shutdown hooks), then start it again. */
  | { kind: 'kill'; service: ServiceName; replica: number }
  /** SIGKILL the Kafka broker, then start it again on the storage it left. */
  | { kind: 'broker-crash' };

/** Every service killed once (a replica of mapper and writer each), and the broker once, halfway. */
export const DEFAULT_FAULTS: readonly Fault[] = [
  { kind: 'kill', service: 'zoom-fetcher', replica: 0 },
  { kind: 'kill', service: 'mapper', replica: 1 },
  { kind: 'kill', service: 'oomnitza-writer', replica: 0 },
  { kind: 'broker-crash' },
  { kind: 'kill', service: 'scheduler', replica: 0 },
  { kind: 'kill', service: 'credentials', replica: 0 },
  { kind: 'kill', service: 'notifier', replica: 0 },
  { kind: 'kill', service: 'oomnitza-writer', replica: 1 },
  { kind: 'kill', service: 'mapper', replica: 0 },
];

export function describeFault(fault: Fault): string {
  return fault.kind === 'broker-crash' ? 'Kafka broker SIGKILL + restart' : `${fault.service}#${fault.replica} SIGKILL + restart`;
}

/** One fault as it happened: when in the run, and how long until the platform had it back. */
export interface FaultOutcome {
  fault: string;
  /** Seconds since the run began. */
  atSeconds: number;
  /** Where the run was when it struck. */
  progress: string;
  /** Seconds from the kill until the process (or broker) was ready again. */
  recoverySeconds: number;
}
