import { defineMessage } from '@zoom-oomnitza-sync/contracts';
import { IsInt, IsNotEmpty, IsString, Min } from 'class-validator';

export class BenchTickValue {
  @IsString()
  @IsNotEmpty()
  scenario: string;

  @IsInt()
  @Min(0)
  sequence: number;
}

/** The message the benchmark sends through the real outbox, relay and consumer. */
export const BenchTick = defineMessage({
  topic: 'bench.messaging.tick.v1',
  type: 'bench.messaging.tick',
  version: 1,
  value: BenchTickValue,
});

/** Many integrations (message keys), as many tenants would have: the ticks spread evenly over the partitions. */
const INTEGRATIONS = 1000;

export function tickInput(scenario: string, sequence: number) {
  return { tenantId: 'bench-tenant', integrationId: `bench-integration-${sequence % INTEGRATIONS}`, payload: { scenario, sequence } };
}
