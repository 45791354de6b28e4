import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toJsonSchema } from './openapi-schema';

export interface SchemaCheck {
  valid: boolean;
  /** One line per problem: where (JSON pointer) and what. */
  errors: string[];
}

type OpenApiDocument = {
  paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  webhooks?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: unknown }> } } }>;
};

export const USERS_ENDPOINTS_FILE = 'users-endpoints.json';
export const USERS_WEBHOOKS_FILE = 'users-webhooks.json';

/**
 * Where Zoom's OpenAPI files are: $ZOOM_OPENAPI_DIR, else ../shared/reference/zoom-openapi
 * beside the repository.
 */
export function defaultOpenApiDirectory(): string {
  return process.env.ZOOM_OPENAPI_DIR ?? path.resolve(__dirname, '../../../../../shared/reference/zoom-openapi');
}

/**
 * Validates bodies against Zoom's own OpenAPI files: REST responses against the Users API
 * (OpenAPI 3.0) and webhook bodies against the Users webhooks (OpenAPI 3.1). For the sandbox's
 * tests and for the platform's tests of its own parsing.
 */
export class ZoomOpenApi {
  private readonly restAjv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly webhookAjv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly endpoints: OpenApiDocument,
    private readonly webhooks: OpenApiDocument,
  ) {}

  static load(directory: string = defaultOpenApiDirectory()): ZoomOpenApi {
    const read = (file: string): OpenApiDocument => JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as OpenApiDocument;
    return new ZoomOpenApi(read(USERS_ENDPOINTS_FILE), read(USERS_WEBHOOKS_FILE));
  }

  /** Whether the spec defines a JSON body for this response (Zoom's error responses mostly have none). */
  hasResponseSchema(method: string, pathTemplate: string, status: number): boolean {
    return this.responseSchema(method, pathTemplate, status) !== undefined;
  }

  /** `pathTemplate` as the spec writes it, e.g. "/users/{userId}". Throws when the spec has no schema for it. */
  validateResponse(method: string, pathTemplate: string, status: number, body: unknown): SchemaCheck {
    const key = `rest ${method.toLowerCase()} ${pathTemplate} ${status}`;
    const validate = this.compile(key, this.restAjv, () => {
      const schema = this.responseSchema(method, pathTemplate, status);
      if (schema === undefined) {
        throw new Error(`Zoom's spec has no JSON schema for ${method.toUpperCase()} ${pathTemplate} ${status}`);
      }
      return toJsonSchema(schema, this.endpoints);
    });
    return check(validate, body);
  }

  /** The webhook body's `event` picks the schema. Throws for events the spec does not describe. */
  validateWebhook(body: unknown): SchemaCheck {
    const event = (body as { event?: unknown } | null)?.event;
    if (typeof event !== 'string') {
      return { valid: false, errors: ['/event: missing'] };
    }
    const validate = this.compile(`webhook ${event}`, this.webhookAjv, () => {
      const schema = this.webhooks.webhooks?.[event]?.post?.requestBody?.content?.['application/json']?.schema;
      if (schema === undefined) {
        throw new Error(`Zoom's spec does not describe the webhook event ${event}`);
      }
      return toJsonSchema(schema, this.webhooks);
    });
    return check(validate, body);
  }

  private responseSchema(method: string, pathTemplate: string, status: number): unknown {
    return this.endpoints.paths?.[pathTemplate]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']?.schema;
  }

  private compile(key: string, ajv: AjvCore, schema: () => object): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema());
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function check(validate: ValidateFunction, body: unknown): SchemaCheck {
  const valid = validate(body) as boolean;
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describeError) };
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'}: ${error.message ?? error.keyword}${error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : ''}`;
}
