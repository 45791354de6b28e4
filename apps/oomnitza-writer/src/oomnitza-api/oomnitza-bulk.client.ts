import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { GUARDED_FETCH, GuardedFetch, OutboundAddressRefused } from '@zoom-oomnitza-sync/outbound-http';
import { Pause, Waiting } from '@zoom-oomnitza-sync/platform';
import { OomnitzaApiError } from './oomnitza-api.error';
import { peoplePropertyOf } from './people-property';
import { retryDelayMs } from './retry-delay';

export interface BulkRequest {
  portion: string;
  connectorName: string;
  syncField: string;
  insertOnly: boolean;
  updateOnly: boolean;
  /** Field values by field id; `SAAS` (User plus SaaS user) is an object of its own. */
  records: Record<string, OomnitzaFieldValue | Record<string, OomnitzaFieldValue>>[];
}

const TIMEOUT_MS = 60_000;

/**
 * Oomnitza's bulk API the way its own connector uses it (a portion per run, at most 100 records a
 * request, finalize at the end), relying only on what Oomnitza documents: of a portion only
 * `canceled` is read. The people API answers who exists and renames a person whose sync key
 * changed. 429 and 5xx are retried with backoff (Retry-After honoured, up to
 * OOMNITZA_RETRY_AFTER_MAX_SECONDS). The tenant gave the base URL: calls go through the guarded
 * fetch (public addresses only, no redirects followed), and what Oomnitza answered is told by its
 * status code alone, never by echoing its body where the tenant reads it.
 */
@Injectable()
export class OomnitzaBulkClient {
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryAfterMaxMs: number;
  private readonly connectorVersion: string;

  constructor(
    config: ConfigService<OomnitzaWriterEnvironment, true>,
    @Inject(Pause) private readonly pause: Waiting,
    @Inject(GUARDED_FETCH) private readonly fetch: GuardedFetch,
  ) {
    this.maxAttempts = config.get('OOMNITZA_MAX_ATTEMPTS', { infer: true });
    this.retryBaseMs = config.get('OOMNITZA_RETRY_BASE_MS', { infer: true });
    this.retryAfterMaxMs = config.get('OOMNITZA_RETRY_AFTER_MAX_SECONDS', { infer: true }) * 1000;
    this.connectorVersion = config.get('OOMNITZA_CONNECTOR_VERSION', { infer: true });
  }

  async send(access: OomnitzaAccess, request: BulkRequest): Promise<void> {
    await this.call(access, 'POST', '/api/v3/bulk', {
      connector_version: this.connectorVersion,
      data_type: 'users',
      portion: request.portion,
      connector_name: request.connectorName,
      sync_field: [request.syncField],
      insert_only: request.insertOnly,
      update_only: request.updateOnly,
      records: request.records,
    });
  }

  /** Whether the portion was canceled in Oomnitza's UI: the one portion field Oomnitza documents. */
  async canceled(access: OomnitzaAccess, portion: string): Promise<boolean> {
    const body = await this.call(access, 'GET', `/api/v3/bulk/${portion}`);
    return typeof body === 'object' && body !== null && (body as Record<string, unknown>).canceled === true;
  }

  async finalize(access: OomnitzaAccess, portion: string): Promise<void> {
    await this.call(access, 'POST', `/api/v3/bulk/${portion}/finalize`, {});
  }

  /**
   * Which of `values` of the sync field belong to someone in Oomnitza (the documented people
   * filter), as strings. Create only and Update only need it: whether Oomnitza writes a record the
   * integration never wrote before depends on it.
   */
  async existing(access: OomnitzaAccess, syncField: string, values: OomnitzaFieldValue[]): Promise<Set<string>> {
    const property = peoplePropertyOf(syncField);
    const people = await this.listPeople(access, { filter: syncValuesFilter(property, values), fields: property, limit: '1000' });
    return new Set(people.map((person) => String(person[property])));
  }

  /**
   * The people whose sync field holds one of `values` (at most 1,000), each with the `fields`
   * (bulk field ids) asked for, by their sync value in lower case: Oomnitza matches e-mails and
   * usernames without regard to case.
   */
  async peopleBySyncValue(
    access: OomnitzaAccess,
    syncField: string,
    values: OomnitzaFieldValue[],
    fields: string[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const property = peoplePropertyOf(syncField);
    const properties = [...new Set([property, ...fields.map(peoplePropertyOf)])];
    const people = await this.listPeople(access, {
      filter: syncValuesFilter(property, values),
      fields: properties.join(','),
      limit: '1000',
    });
    return new Map(
      people.map((person) => [
        String(person[property]).toLowerCase(),
        Object.fromEntries(fields.map((field) => [field, person[peoplePropertyOf(field)]])),
      ]),
    );
  }

  /** The saas_user_id of each of these people's SaaS user of the app (`GET /api/v3/saas/{saas_id}/users`), by person id. */
  async saasUsersOf(access: OomnitzaAccess, saasId: string, personIds: string[]): Promise<Map<string, string>> {
    const query = new URLSearchParams({ filter: `user_id IN [${personIds.join(', ')}]`, fields: 'saas_user_id,user_id', limit: '1000' });
    const users = await this.call(access, 'GET', `/api/v3/saas/${encodeURIComponent(saasId)}/users?${query.toString()}`);
    if (!Array.isArray(users)) {
      throw new OomnitzaApiError(502, `Oomnitza answered GET /api/v3/saas/{saas_id}/users with something other than a list`);
    }
    return new Map((users as Record<string, unknown>[]).map((user) => [String(user.user_id), String(user.saas_user_id)]));
  }

  /**
   * Activates or deactivates SaaS users (`PATCH /api/v3/saas_users/activate|deactivate`). Oomnitza
   * answers per id `{saas_user_id, error}`: the ids it answered with an error are returned.
   */
  async setSaasUsersActive(access: OomnitzaAccess, saasUserIds: string[], active: boolean): Promise<Set<string>> {
    const answer = await this.call(access, 'PATCH', `/api/v3/saas_users/${active ? 'activate' : 'deactivate'}`, {
      saas_user_ids: saasUserIds.map((id) => (/^\d+$/.test(id) ? Number(id) : id)),
    });
    const results = Array.isArray(answer) ? (answer as Record<string, unknown>[]) : [];
    return new Set(results.filter((result) => result?.error).map((result) => String(result.saas_user_id)));
  }

  /** The id of the person whose `field` holds `value` (the documented people filter), if there is one. */
  async findPerson(access: OomnitzaAccess, field: string, value: OomnitzaFieldValue): Promise<string | undefined> {
    const people = await this.listPeople(access, {
      filter: `${peoplePropertyOf(field)} eq ${JSON.stringify(value)}`,
      fields: 'id',
      limit: '1',
    });
    const [person] = people;
    if (person === undefined) {
      return undefined;
    }
    if (person.id === undefined || person.id === null) {
      throw new OomnitzaApiError(502, `Oomnitza answered GET /api/v3/users with a person without an id`);
    }
    return String(person.id);
  }

  /** Changes only the given fields of one person (`PATCH /api/v3/users/{id}`), Oomnitza's own fields named by property. */
  async updatePerson(access: OomnitzaAccess, personId: string, changes: Record<string, OomnitzaFieldValue>): Promise<void> {
    const body = Object.fromEntries(Object.entries(changes).map(([field, value]) => [peoplePropertyOf(field), value]));
    await this.call(access, 'PATCH', `/api/v3/users/${encodeURIComponent(personId)}`, body);
  }

  /** `GET /api/v3/users` with the documented query (filter, fields, limit): the people it lists. */
  private async listPeople(access: OomnitzaAccess, query: Record<string, string>): Promise<Record<string, unknown>[]> {
    const people = await this.call(access, 'GET', `/api/v3/users?${new URLSearchParams(query).toString()}`);
    if (!Array.isArray(people)) {
      throw new OomnitzaApiError(502, `Oomnitza answered GET /api/v3/users with something other than a list`);
    }
    return people as Record<string, unknown>[];
  }

  private async call(access: OomnitzaAccess, method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${access.baseUrl.replace(/\/+$/, '')}${path}`;
    const route = path.split('?')[0];
    for (let attempt = 1; ; attempt += 1) {
      let response: Awaited<ReturnType<GuardedFetch>> | undefined;
      let failure: string;
      try {
        response = await this.fetch(url, {
          method,
          headers: { Authorization2: access.apiToken, 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (response.ok) {
          return bodyOf(await response.text());
        }
        await response.body?.cancel();
        failure = `Oomnitza answered ${response.status} to ${method} ${route}${isRedirect(response.status) ? ' (a redirect, not followed)' : ''}`;
        if (response.status !== 429 && response.status < 500) {
          throw new OomnitzaApiError(response.status, failure);
        }
      } catch (error) {
        if (error instanceof OomnitzaApiError) {
          throw error;
        }
        const refused = refusalIn(error);
        if (refused) {
          throw new OomnitzaApiError(0, `could not reach Oomnitza at ${access.baseUrl}: ${refused.message}`, true);
        }
        failure = `could not reach Oomnitza at ${access.baseUrl}${route}: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (attempt >= this.maxAttempts) {
        throw new OomnitzaApiError(response?.status ?? 0, `${failure} (after ${attempt} attempts)`);
      }
      const retryAfter = response?.headers.get('retry-after') ?? null;
      await this.pause.for(retryDelayMs(attempt, retryAfter, this.retryBaseMs, this.retryAfterMaxMs));
    }
  }
}

const isRedirect = (status: number) => status >= 300 && status < 400;

/** The documented people filter for any of `values` in `property`. */
const syncValuesFilter = (property: string, values: OomnitzaFieldValue[]) =>
  `${property} IN [${values.map((value) => JSON.stringify(value)).join(', ')}]`;

/** The address refusal behind a failed call (fetch reports it as the cause of "fetch failed"). */
function refusalIn(error: unknown): OutboundAddressRefused | undefined {
  if (error instanceof OutboundAddressRefused) {
    return error;
  }
  return error instanceof Error && error.cause instanceof OutboundAddressRefused ? error.cause : undefined;
}

/**
 * What a successful answer carries, if anything. Oomnitza documents a body only for the reads
 * (portion, people); a write may answer with none, or with text that is not JSON.
 */
function bodyOf(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
