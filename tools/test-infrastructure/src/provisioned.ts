/** A piece of infrastructure the tests or the local tools use, and how to give it back. */
export interface Provisioned {
  /** One phrase for the summary line, e.g. "local server 127.0.0.1:5432". */
  readonly description: string;
  /** True when this process started it (and so must stop it). */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

export interface ProvisionedKafka extends Provisioned {
  readonly brokers: string;
}

export interface ProvisionedPostgres extends Provisioned {
  readonly url: string;
}

export const nothingToStop = async (): Promise<void> => undefined;
