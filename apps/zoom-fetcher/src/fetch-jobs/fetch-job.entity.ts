import { ZOOM_USER_STATUSES } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FETCH_JOB_STATUSES = ['queued', 'fetching', 'completed', 'failed'] as const;
export type FetchJobStatus = (typeof FETCH_JOB_STATUSES)[number];

/**
 * A full sync the scheduler asked for: one per run, however often its request is delivered. It
 * records how far the fetch got (pass, page token, page), so another replica resumes after a crash.
 */
@Entity({ name: 'fetch_jobs' })
export class FetchJobEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  @Column({ name: 'user_statuses', type: 'text', array: true })
  userStatuses: string[];

  /** Fields of the integration's mapping only GET /users/{userId} returns: each listed user is read for them. */
  @Column({ name: 'read_sources', type: 'jsonb', default: [] })
  readSources: string[];

  /** The integration's mapping reads a custom attribute: users are listed with them. */
  @Column({ name: 'lists_custom_attributes', default: false })
  listsCustomAttributes: boolean;

  /** The run is a dry run: its pages say so, and nothing read for it is written to Oomnitza. */
  @Column({ name: 'dry_run', default: false })
  dryRun: boolean;

  @Column({ name: 'run_started_at', type: 'timestamptz' })
  runStartedAt: Date;

  @Column({ type: 'text' })
  status: FetchJobStatus;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  /** Not to be worked on before this time (a daily rate limit resets then). */
  @Column({ name: 'not_before', type: 'timestamptz', default: () => 'now()' })
  notBefore: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'pass_index', type: 'int', default: 0 })
  passIndex: number;

  @Column({ name: 'next_page_token', type: 'text', nullable: true })
  nextPageToken: string | null;

  @Column({ name: 'page_number', type: 'int', default: 1 })
  pageNumber: number;

  @Column({ name: 'users_fetched', type: 'int', default: 0 })
  usersFetched: number;

  /** Since when the fetch has been waiting out passing trouble (Zoom or the credentials service failing for now); null once a page succeeds. */
  @Column({ name: 'troubled_since', type: 'timestamptz', nullable: true })
  troubledSince: Date | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** A fetch that passes over every status lists every user of the account: who it misses is gone. */
export function listsEveryStatus(job: Pick<FetchJobEntity, 'userStatuses'>): boolean {
  return ZOOM_USER_STATUSES.every((status) => job.userStatuses.includes(status));
}
