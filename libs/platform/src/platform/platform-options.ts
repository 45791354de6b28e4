import { EntitySchema } from 'typeorm';
import { BaseEnvironment } from '../config/base-environment';
import { EnvironmentClass } from '../config/validate-environment';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassOrGlob = Function | string;

export interface PlatformServiceOptions {
  /** Appears on every log line and metric, names the consumer group. */
  serviceName: string;
  /** The PostgreSQL schema the service owns; DATABASE_SCHEMA overrides it (tests use unique ones). */
  schema: string;
  /** The service's own entities; the platform's (api_keys) are added. */
  entities: Array<ClassOrGlob | EntitySchema>;
  /** The service's migrations, run in order at startup. */
  migrations: ClassOrGlob[];
  /** The service's settings class when it needs more than BaseEnvironment. */
  environment?: EnvironmentClass<BaseEnvironment>;
}
