import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { OomnitzaApiError } from './oomnitza-api.error';
import { countsOf, PortionCounts } from './portion-counts';

export interface PortionState extends PortionCounts {
  canceled: boolean;
}

export interface BulkRequest {
  portion: string;
  connectorName: string;
  syncField: string;
  insertOnly: boolean;
  updateOnly: boolean;
  records: Record<string, unknown>[];
}

const TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Oomnitza's bulk API the way its own connector uses it: a portion per run, at most 100 records
 * a request, finalize at the end. 429 and 5xx are retried with backoff (Retry-After honoured).
 */
@Injectable()
export class OomnitzaBulkClient {
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly connectorVersion: string;

  constructor(config: ConfigService<OomnitzaWriterEnvironment, true>) {
    this.maxAttempts = config.get('OOMNITZA_MAX_ATTEMPTS', { infer: true });
    this.retryBaseMs = config.get('OOMNITZA_RETRY_BASE_MS', { infer: true });
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

  async portion(access: OomnitzaAccess, portion: string): Promise<PortionState> {
    const body = await this.call(access, 'GET', `/api/v3/bulk/${portion}`);
    return { ...countsOf(body), canceled: body.canceled === true };
  }

  async finalize(access: OomnitzaAccess, portion: string): Promise<PortionState> {
    const body = await this.call(access, 'POST', `/api/v3/bulk/${portion}/finalize`, {});
    return { ...countsOf(body), canceled: body.canceled === true };
  }

  private async call(access: OomnitzaAccess, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const url = `${access.baseUrl.replace(/\/+$/, '')}${path}`;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response | undefined;
      let failure: string;
      try {
        response = await fetch(url, {
          method,
          headers: { Authorization2: access.apiToken, 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (response.ok) {
          return (await response.json()) as Record<string, unknown>;
        }
        const text = await response.text();
        failure = `Oomnitza answered ${response.status} to ${method} ${path}: ${text.slice(0, 500)}`;
        if (response.status !== 429 && response.status < 500) {
          throw new OomnitzaApiError(response.status, failure);
        }
      } catch (error) {
        if (error instanceof OomnitzaApiError) {
          throw error;
        }
        failure = `could not reach Oomnitza at ${url}: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (attempt >= this.maxAttempts) {
        throw new OomnitzaApiError(response?.status ?? 0, `${failure} (after ${attempt} attempts)`);
      }
      await sleep(this.delayMs(attempt, response?.headers.get('retry-after') ?? null));
    }
  }

  private delayMs(attempt: number, retryAfter: string | null): number {
    const seconds = Number(retryAfter);
    if (retryAfter && Number.isFinite(seconds)) {
      return seconds * 1000;
    }
    return Math.min(30_000, this.retryBaseMs * 2 ** (attempt - 1));
  }
}
