import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OOMNITZA_FIELD_TYPES, OomnitzaCatalogue, OomnitzaFieldInfo, OomnitzaRoleInfo } from '@zoom-oomnitza-sync/contracts';
import { GUARDED_FETCH, GuardedFetch } from '@zoom-oomnitza-sync/outbound-http';
import { CredentialsEnvironment } from '../credentials.environment';
import { describeFetchFailure } from '../outbound-http/describe-fetch-failure';

export const FIELD_CATALOGUE_PATH = '/api/v3/fields/users';
export const ROLES_PATH = '/api/v3/roles';

type Read<T> = { value: T } | { unavailable: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldOf(raw: unknown): OomnitzaFieldInfo | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '' || typeof raw.label !== 'string') {
    return undefined;
  }
  const values = Array.isArray(raw.values) && raw.values.every((value) => typeof value === 'string') ? (raw.values as string[]) : undefined;
  return {
    id: raw.id,
    label: raw.label,
    // A type this platform does not know takes any value it writes: it is checked as text.
    type: OOMNITZA_FIELD_TYPES.find((type) => type === raw.type) ?? 'string',
    unique: raw.unique === true,
    mandatory: raw.mandatory === true,
    ...(values ? { values } : {}),
  };
}

function roleOf(raw: unknown): OomnitzaRoleInfo | undefined {
  return isRecord(raw) && Number.isInteger(raw.id) && typeof raw.name === 'string' ? { id: raw.id as number, name: raw.name } : undefined;
}

/**
 * Oomnitza's people fields and roles, read with the credential's token. Oomnitza documents
 * neither route, so an Oomnitza without them (or answering what cannot be read) is told apart from
 * one that is down only in the reason given: the catalogue is then simply not known.
 */
@Injectable()
export class OomnitzaCatalogueClient {
  private readonly timeoutMs: number;

  constructor(
    config: ConfigService<CredentialsEnvironment, true>,
    @Inject(GUARDED_FETCH) private readonly fetch: GuardedFetch,
  ) {
    this.timeoutMs = config.get('OOMNITZA_HTTP_TIMEOUT_MS', { infer: true });
  }

  async read(baseUrl: string, apiToken: string): Promise<OomnitzaCatalogue> {
    const [fields, roles] = await Promise.all([
      this.list(baseUrl, apiToken, FIELD_CATALOGUE_PATH, 'field catalogue', fieldOf),
      this.list(baseUrl, apiToken, ROLES_PATH, 'roles', roleOf),
    ]);
    return {
      fields: 'value' in fields ? fields.value : null,
      roles: 'value' in roles ? roles.value : null,
      unavailable: [fields, roles].flatMap((read) => ('unavailable' in read ? [read.unavailable] : [])),
    };
  }

  private async list<T>(
    baseUrl: string,
    apiToken: string,
    path: string,
    what: string,
    parse: (raw: unknown) => T | undefined,
  ): Promise<Read<T[]>> {
    const url = `${baseUrl}${path}`;
    let response: Awaited<ReturnType<GuardedFetch>>;
    try {
      response = await this.fetch(url, {
        headers: { Authorization2: apiToken, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { unavailable: `${what}: ${describeFetchFailure(url, error, this.timeoutMs)}` };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { unavailable: `${what}: ${reasonOf(response.status, path)}` };
    }
    const body: unknown = await response.json().catch(() => undefined);
    const items = Array.isArray(body) ? body.map(parse) : [];
    if (!Array.isArray(body) || items.some((item) => item === undefined)) {
      return { unavailable: `${what}: ${path} answered something other than a list the platform can read` };
    }
    return { value: items as T[] };
  }
}

function reasonOf(status: number, path: string): string {
  if (status === 404 || status === 405) {
    return `this Oomnitza does not offer ${path} (${status})`;
  }
  if (status === 401 || status === 403) {
    return `Oomnitza rejected the API token (${status})`;
  }
  if (status >= 300 && status < 400) {
    return `Oomnitza answered with a redirect (${status}), which is not followed`;
  }
  return `Oomnitza answered ${path} with HTTP ${status}`;
}
