import { compileIntegrationMapping, mapZoomUser, MappingSettings } from '@zoom-oomnitza-sync/mapping';
import { createZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { FieldMappingDto, UserFiltersDto, ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { FILTERS, LINES } from './custom-mapping';

const ROUNDS = 5;
const CONTEXT = { runStartedAt: '2026-11-30T00:00:00.000Z', observedAt: '2026-11-30T00:00:00.000Z' };

export interface MappingAlone {
  name: string;
  microsecondsPerUser: number;
  recordBytes: number;
}

function settingsWithTenTransformedFields(): MappingSettings {
  const fieldMappings = LINES.map(({ name, ...line }) => ({
    ...line,
    target: name.toUpperCase().replaceAll(' ', '_'),
  })) as FieldMappingDto[];
  const compiled = compileIntegrationMapping({ fieldTargets: {}, fieldMappings, filters: FILTERS as UserFiltersDto });
  if ('problems' in compiled) {
    throw new Error(`the bench's mapping does not compile: ${JSON.stringify(compiled.problems)}`);
  }
  return { oomnitzaRoleId: 25, syncKey: 'email', fieldTargets: {}, deriveMissingNames: true, ...compiled };
}

/** CPU time of mapping every user once (the median of ROUNDS rounds), and the records' mean JSON size. */
function measure(name: string, users: ZoomUserDto[], settings: MappingSettings): MappingAlone {
  const perRound: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    bytes = 0;
    const started = process.cpuUsage();
    for (const user of users) {
      const outcome = mapZoomUser(user, settings, CONTEXT);
      bytes += outcome.record ? JSON.stringify(outcome.record).length : 0;
    }
    const used = process.cpuUsage(started);
    perRound.push((used.user + used.system) / users.length);
  }
  perRound.sort((left, right) => left - right);
  return { name, microsecondsPerUser: perRound[Math.floor(ROUNDS / 2)], recordBytes: bytes / users.length };
}

/**
 * The mapping's own cost, in this process: the standard mapping and the third scenario's ten
 * transformed fields and two filters over the same Zoom users (the Zoom sandbox's population),
 * the record serialized as the mapper hands it on. What the services add (Kafka, the database,
 * validation) is in the end-to-end figures.
 */
export async function measureMappingAlone(count: number): Promise<MappingAlone[]> {
  const zoom = await createZoomSandbox({ users: count, seed: 1 });
  const users = zoom.population.users() as unknown as ZoomUserDto[];
  await zoom.close();
  const standard: MappingSettings = { oomnitzaRoleId: 25, syncKey: 'email', fieldTargets: {}, deriveMissingNames: true };
  // A first pass warms the code up, so neither mapping pays for the compiler.
  measure('warm-up', users, settingsWithTenTransformedFields());
  return [
    measure('standard mapping', users, standard),
    measure('ten transformed fields, two filters', users, settingsWithTenTransformedFields()),
  ];
}
