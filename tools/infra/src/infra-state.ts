import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What `infra:up` provided, so that `infra:down` gives back exactly what it started. */
export interface InfraState {
  kafka: { brokers: string; startedHere: boolean; port?: number; controllerPort?: number };
  postgres: { url: string; startedHere: boolean; daemonPid?: number };
}

/** Git-ignored; INFRA_STATE_DIR moves it (tests use a temporary folder). */
export function infraStateDir(): string {
  return process.env.INFRA_STATE_DIR ?? resolve(__dirname, '../.cache');
}

const stateFile = () => join(infraStateDir(), 'infra-state.json');

export function readInfraState(): InfraState | undefined {
  return existsSync(stateFile()) ? (JSON.parse(readFileSync(stateFile(), 'utf8')) as InfraState) : undefined;
}

export function writeInfraState(state: InfraState): void {
  mkdirSync(infraStateDir(), { recursive: true });
  writeFileSync(stateFile(), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeInfraState(): void {
  rmSync(stateFile(), { force: true });
}
