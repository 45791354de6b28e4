import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mappingTargetsOf } from '@zoom-oomnitza-sync/contracts';
import { NotFoundProblem, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { LicenceReclamationDto, ReclaimableUserDto } from './dto/licence-reclamation.dto';

/** Zoom's user type of a paid licence (1 is Basic, 4 unassigned, 99 none). */
const LICENSED_TYPE = '2';
const DAY_MS = 86_400_000;
const CSV_BATCH = 1_000;

interface Candidates {
  sql: string;
  parameters: unknown[];
}

interface CandidateRow {
  user_key: string;
  zoom_user_id: string | null;
  department: string | null;
  status: string | null;
  last_login: Date | null;
}

/**
 * Licensed Zoom users who have not logged in since the cutoff (or never), from what the writer
 * last wrote to Oomnitza for each synced user: the integration's Zoom User Type, User's Last Login
 * Time, Department and Zoom Status fields. Deactivated and removed users hold no licence.
 */
@Injectable()
export class LicenceReclamation {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(
    tenantId: string,
    integrationId: string,
    inactiveDays: number,
    now: Date,
    page: { limit: number; after?: string },
  ): Promise<LicenceReclamationDto> {
    const candidates = await this.candidates(tenantId, integrationId, inactiveDays, now);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (${candidates.sql}) listed`,
      candidates.parameters,
    )) as { total: number }[];
    const byDepartment = (await this.dataSource.query(
      `SELECT department, count(*)::int AS users FROM (${candidates.sql}) listed GROUP BY department ORDER BY users DESC, department NULLS LAST`,
      candidates.parameters,
    )) as { department: string | null; users: number }[];
    const rows = await this.rows(candidates, page.after, page.limit + 1);
    const users = rows.slice(0, page.limit).map((row) => viewOf(row, now));
    return {
      inactiveDays,
      cutoff: cutoffOf(now, inactiveDays).toISOString(),
      total,
      byDepartment,
      users,
      nextAfter: rows.length > page.limit ? users[users.length - 1].userKey : null,
    };
  }

  /** Every listed user, a batch at a time, for the CSV download. */
  async *everyUser(tenantId: string, integrationId: string, inactiveDays: number, now: Date): AsyncGenerator<ReclaimableUserDto[]> {
    const candidates = await this.candidates(tenantId, integrationId, inactiveDays, now);
    let after: string | undefined;
    for (;;) {
      const rows = await this.rows(candidates, after, CSV_BATCH);
      if (rows.length === 0) {
        return;
      }
      yield rows.map((row) => viewOf(row, now));
      after = rows[rows.length - 1].user_key;
    }
  }

  private async candidates(tenantId: string, integrationId: string, inactiveDays: number, now: Date): Promise<Candidates> {
    const settings = await this.dataSource.getRepository(IntegrationSettingsEntity).findOneBy({ integrationId, tenantId });
    if (!settings) {
      throw new NotFoundProblem(`Integration ${integrationId} was not found.`);
    }
    const targets = mappingTargetsOf(settings.fieldTargets);
    const state = qualifiedTable(this.dataSource, UserSyncStateEntity);
    // A last login the mapping wrote as Unix seconds or as ISO-8601 text.
    const lastLogin = `CASE jsonb_typeof(fields -> $3::text)
        WHEN 'number' THEN to_timestamp((fields ->> $3::text)::double precision)
        WHEN 'string' THEN CASE WHEN fields ->> $3::text ~ '^\\d{4}-\\d{2}-\\d{2}' THEN (fields ->> $3::text)::timestamptz END
      END`;
    return {
      sql: `
        SELECT sync_key AS user_key, zoom_user_id, fields ->> $4::text AS department, fields ->> $5::text AS status, ${lastLogin} AS last_login
          FROM ${state}
         WHERE integration_id = $1 AND removal IS NULL AND fields ->> $2::text = '${LICENSED_TYPE}'
           AND coalesce(fields ->> $5::text, '') <> 'inactive'
           AND coalesce(${lastLogin} < $6, true)`,
      parameters: [integrationId, targets.type, targets.last_login_time, targets.dept, targets.status, cutoffOf(now, inactiveDays)],
    };
  }

  private rows(candidates: Candidates, after: string | undefined, limit: number): Promise<CandidateRow[]> {
    const next = candidates.parameters.length + 1;
    return this.dataSource.query(
      `SELECT * FROM (${candidates.sql}) listed WHERE ($${next}::text IS NULL OR user_key > $${next}) ORDER BY user_key LIMIT $${next + 1}`,
      [...candidates.parameters, after ?? null, limit],
    ) as Promise<CandidateRow[]>;
  }
}

const cutoffOf = (now: Date, inactiveDays: number) => new Date(now.getTime() - inactiveDays * DAY_MS);

function viewOf(row: CandidateRow, now: Date): ReclaimableUserDto {
  const lastLogin = row.last_login ? new Date(row.last_login) : null;
  return {
    userKey: row.user_key,
    zoomUserId: row.zoom_user_id,
    department: row.department,
    status: row.status,
    lastLoginTime: lastLogin?.toISOString() ?? null,
    daysInactive: lastLogin ? Math.floor((now.getTime() - lastLogin.getTime()) / DAY_MS) : null,
  };
}
