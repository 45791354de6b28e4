import { PRODUCT_SCOPES } from '@zoom-oomnitza-sync/platform';
import { announceCredentials, PlatformDeployment, request, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import fc from 'fast-check';

/** Every scope there is: the fuzzing reaches every tenant route. */
const SCOPES = [...PRODUCT_SCOPES];
/** Written into the other tenant's objects: no answer to the fuzzing tenant may carry it. */
const OTHER_TENANT_MARKER = 'globex-private-marker-7f3a';
const RUNS_PER_OPERATION = 25;

interface Operation {
  service: string;
  method: string;
  path: string;
  /** Bodies shaped by the operation's schema (values random and hostile), or anything at all. */
  body: fc.Arbitrary<unknown>;
}

interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
}

interface OpenApiOperation {
  'x-internal'?: boolean;
  'x-admin-only'?: boolean;
  requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
}

type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '%00',
    '\u0000',
    'null',
    '{}',
    '[]',
    '😀'.repeat(50),
  ),
  fc.string({ minLength: 300, maxLength: 2000 }),
);
const hostileValue = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, true, false, null),
  fc.uuid(),
);
const hostileBody = fc.oneof(
  fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom('name', 'zoomCredentialId', 'schedule', 'email', '__proto__', 'constructor')),
    fc.oneof(hostileValue, fc.array(hostileValue), fc.dictionary(fc.string(), hostileValue)),
  ),
  fc.array(hostileValue),
  hostileValue,
);
/** Header values a client can send (visible ASCII), hostile in content: correlation ids, content types, accepted types. */
const headerText = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e]{0,200}$/),
  fc.constantFrom('text/plain', 'application/xml', '*/*', 'application/json; charset=latin1'),
);
const hostileHeaders = fc.record(
  { 'x-correlation-id': headerText, accept: headerText, 'content-type': fc.oneof(fc.constant('application/json'), headerText) },
  { requiredKeys: [] },
);

/** Values of the schema's shape: its properties (each maybe left out), of their types, or enum values; hostile ones mixed in. */
function shaped(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  const resolved = schema?.$ref ? schemas[schema.$ref.split('/').pop() as string] : (schema?.allOf?.[0] ?? schema);
  if (!resolved || depth > 3) {
    return hostileValue;
  }
  if (resolved.$ref) {
    return shaped(resolved, schemas, depth + 1);
  }
  if (resolved.enum) {
    return fc.oneof(fc.constantFrom(...resolved.enum), hostileValue);
  }
  switch (resolved.type) {
    case 'object':
      return fc.oneof(
        fc.record(
          Object.fromEntries(
            Object.entries(resolved.properties ?? {}).map(([name, property]) => [name, shaped(property, schemas, depth + 1)]),
          ),
          { requiredKeys: [] },
        ),
        hostileBody,
      );
    case 'array':
      return fc.oneof(fc.array(shaped(resolved.items, schemas, depth + 1), { maxLength: 5 }), hostileValue);
    case 'integer':
      return fc.oneof(fc.integer(), hostileValue);
    case 'number':
      return fc.oneof(fc.double(), hostileValue);
    case 'boolean':
      return fc.oneof(fc.boolean(), hostileValue);
    default:
      return hostileValue;
  }
}

const pathValue = () =>
  fc.oneof(
    fc.uuid(),
    hostileText.map((text) => encodeURIComponent(text)),
    fc.integer().map(String),
    fc.constantFrom(...foreignIdsForPaths),
  );

/** Filled before the properties run: the other tenant's ids, which must answer as if they did not exist. */
const foreignIdsForPaths: string[] = ['00000000-0000-4000-8000-000000000000'];

// Every tenant API of the services, driven from their own OpenAPI documents with random and
// hostile ids, query strings and bodies: never a 5xx, every error problem+json, nothing of another tenant.
describe('fuzzing the HTTP APIs from their OpenAPI documents', () => {
  let deployment: PlatformDeployment;
  const services = new Map<string, ServiceProcess>();
  const keys = new Map<string, string>();
  /** Ids of the other tenant's objects: tried as path ids too. */
  const foreignIds: string[] = [];
  let tried = 0;
  /** Answers by status class, per service: the fuzzing must reach handlers, not only validation. */
  const answered = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('fuzzing');
    // Limits are not what is fuzzed: many requests per key must reach the handlers.
    const settings = { RATE_LIMIT_PER_KEY: '100000', RATE_LIMIT_PER_TENANT: '100000' };
    for (const name of ['credentials', 'scheduler', 'notifier'] as const) {
      services.set(name, await deployment.start(name, settings));
    }
    await Promise.all([...services.values()].map((service) => waitUntilReady(service)));
    const acmeKey = await deployment.issueApiKey('acme', SCOPES, [...services.values()]);
    for (const name of services.keys()) {
      keys.set(name, acmeKey);
    }
    // The other tenant's objects, marked, so any leak shows.
    const globexKey = await deployment.issueApiKey('globex', SCOPES, [...services.values()]);
    const credential = await request<{ id: string }>(`${services.get('credentials')!.baseUrl}/oomnitza-credentials`, {
      method: 'POST',
      key: globexKey,
      body: { name: OTHER_TENANT_MARKER, baseUrl: 'https://globex.oomnitza.example', apiToken: `token-${OTHER_TENANT_MARKER}` },
    });
    expect(credential.status).toBe(201);
    foreignIds.push(credential.body.id);
    await announceCredentials(deployment, 'globex', { zoom: ['zoom-globex'], oomnitza: [credential.body.id] });
    const integration = await request<{ id: string }>(`${services.get('scheduler')!.baseUrl}/integrations`, {
      method: 'POST',
      key: globexKey,
      body: { name: OTHER_TENANT_MARKER, zoomCredentialId: 'zoom-globex', oomnitzaCredentialId: credential.body.id },
    });
    expect(integration.status).toBe(201);
    foreignIds.push(integration.body.id);
    foreignIdsForPaths.push(...foreignIds);
  }, 120_000);

  afterAll(async () => {
    const summary = [...answered].map(
      ([service, counts]) => `${service} ${[...counts].map(([kind, count]) => `${kind}: ${count}`).join(', ')}`,
    );
    console.log(`api fuzzing: ${tried} requests tried (${summary.join('; ')})`);
    await deployment?.destroy();
  });

  async function operationsOf(name: string): Promise<Operation[]> {
    const document = await request<OpenApiDocument>(`${services.get(name)!.baseUrl}/docs-json`);
    const schemas = document.body.components?.schemas ?? {};
    return Object.entries(document.body.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => typeof operation === 'object' && !operation['x-internal'] && !operation['x-admin-only'])
        .map(([method, operation]) => {
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          return { service: name, method: method.toUpperCase(), path, body: schema ? shaped(schema, schemas) : hostileBody };
        }),
    );
  }

  it.each(['credentials', 'scheduler', 'notifier'])('%s: never a 5xx, always problem+json, nothing of another tenant', async (name) => {
    const operations = (await operationsOf(name)).filter((operation) => !operation.path.startsWith('/webhooks'));
    expect(operations.length).toBeGreaterThan(3);
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(
          pathValue(),
          fc.dictionary(fc.string(), hostileText, { maxKeys: 3 }),
          operation.body,
          hostileHeaders,
          async (id, query, body, headers) => {
            tried += 1;
            const path = operation.path.replace(/\{[^}]+\}/g, id);
            const search = new URLSearchParams(query).toString();
            const url = `${services.get(name)!.baseUrl}${path}${search ? `?${search}` : ''}`;
            const sendsBody = !['GET', 'DELETE'].includes(operation.method);
            const response = await fetch(url, {
              method: operation.method,
              headers: {
                ...(sendsBody ? { 'content-type': 'application/json' } : {}),
                ...headers,
                authorization: `Bearer ${keys.get(name)}`,
              },
              body: sendsBody ? JSON.stringify(body) : undefined,
            });
            const text = await response.text();
            const counts = answered.get(name) ?? new Map<string, number>();
            const kind = `${String(response.status)[0]}xx`;
            counts.set(kind, (counts.get(kind) ?? 0) + 1);
            answered.set(name, counts);
            const where = `${operation.method} ${url} -> ${response.status}: ${text.slice(0, 300)}`;
            if (response.status >= 500) {
              throw new Error(`5xx from ${where}`);
            }
            if (response.status >= 400 && !(response.headers.get('content-type') ?? '').startsWith('application/problem+json')) {
              throw new Error(`an error that is no problem+json from ${where}`);
            }
            if (text.includes(OTHER_TENANT_MARKER)) {
              throw new Error(`another tenant's data in ${where}`);
            }
          },
        ),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    // Some requests got through validation to a successful answer: the handlers were exercised.
    expect(answered.get(name)?.get('2xx') ?? 0).toBeGreaterThan(0);
  });
});
