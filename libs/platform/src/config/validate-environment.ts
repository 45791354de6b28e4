import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BaseEnvironment } from './base-environment';

export type EnvironmentClass<T extends BaseEnvironment> = new () => T;

/**
 * For ConfigModule.forRoot({ validate }): returns the typed, defaulted settings or throws one
 * error that names every missing or malformed setting.
 */
export function validateEnvironment<T extends BaseEnvironment>(environmentClass: EnvironmentClass<T>) {
  return (raw: Record<string, unknown>): T => {
    const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
    const settings = plainToInstance(environmentClass, present, { exposeDefaultValues: true });
    const errors = validateSync(settings, { stopAtFirstError: true });
    if (errors.length > 0) {
      const problems = errors.flatMap((error) =>
        Object.values(error.constraints ?? {}).map((message) => `  - ${error.property}: ${message}`),
      );
      throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
    }
    return settings;
  };
}
