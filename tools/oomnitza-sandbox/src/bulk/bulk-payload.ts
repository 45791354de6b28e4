import { bodyValidator } from '../http/body-validator';

/** Oomnitza's connector sends at most this many records per bulk request. */
export const MAX_RECORDS_PER_REQUEST = 100;

/** `POST /api/v3/bulk` as Oomnitza's connector builds it (`_collect_payload`). */
export interface BulkPayload {
  connector_version?: string;
  data_type: string;
  portion: string;
  sync_field?: string[];
  records: unknown[];
  insert_only?: boolean;
  update_only?: boolean;
  test_run?: boolean;
  connector_id?: string | number;
  connector_name?: string;
  /** When set, the records are not processed but logged as errors of the run. */
  error?: string | null;
  error_type?: string | null;
}

// Further properties (e.g. multi_str_input_value) are accepted and ignored, as newer connectors
// add some; the portion must be a uuid because the connector always generates one (uuid4).
export const validateBulkPayload = bodyValidator<BulkPayload>({
  type: 'object',
  required: ['data_type', 'portion', 'records'],
  properties: {
    connector_version: { type: 'string' },
    data_type: { type: 'string' },
    portion: { type: 'string', format: 'uuid' },
    sync_field: { type: 'array', items: { type: 'string', minLength: 1 } },
    records: { type: 'array' },
    insert_only: { type: 'boolean' },
    update_only: { type: 'boolean' },
    test_run: { type: 'boolean' },
    connector_id: { type: ['string', 'integer'] },
    connector_name: { type: 'string' },
    error: { type: ['string', 'null'] },
    error_type: { type: ['string', 'null'] },
  },
});

/** `POST /api/v3/bulk/{connector_id}/add_ready_portion`. */
export interface ReadyPortionPayload {
  correlation_id: string;
  failed?: number | boolean;
  error_message?: string | null;
  error_type?: string | null;
  is_empty_run?: boolean;
  added?: number;
  test_run?: boolean;
}

export const validateReadyPortionPayload = bodyValidator<ReadyPortionPayload>({
  type: 'object',
  required: ['correlation_id'],
  properties: {
    correlation_id: { type: 'string', minLength: 1 },
    failed: { type: ['integer', 'boolean'] },
    error_message: { type: ['string', 'null'] },
    error_type: { type: ['string', 'null'] },
    is_empty_run: { type: 'boolean' },
    added: { type: 'integer', minimum: 0 },
    test_run: { type: 'boolean' },
  },
});
