import { parseArgs } from 'node:util';
import { CUSTOM_FIELD_TYPES, CustomFieldInput, CustomFieldType, DEFAULT_SAAS, OomnitzaSandboxOptions, RoleDefinition, ZOOM_ID_FIELD } from './config';
import { FaultSettingsInput } from './faults/faults';

export const USAGE = `Usage: npm run sandbox:oomnitza -- [options]

  --port <n>                 port to listen on (default 9302; 0 = any free port)
  --host <address>           address to bind (default 127.0.0.1)
  --token <token>            API token clients send as Authorization2 (default: generated)
  --admin-key <key>          key of the /sandbox admin API, header x-sandbox-admin-key (default: generated)
  --saas-id <id>             id of the Zoom SaaS app (default ${DEFAULT_SAAS.id})
  --role <id:name>           a role people may have; repeat it; replaces the defaults (1 Administrator, 2 Manager, 25 Employee)
  --custom-field <spec>      a custom people field, "<name>[:<type>][:unique]"; type is one of
                             ${CUSTOM_FIELD_TYPES.join(', ')}, dropdown as "dropdown=A|B|C"; repeat it
  --no-zoom-id-field         do not define the unique "Zoom ID" custom field
  --latency-ms <n>           add this latency to every API response
  --jitter-ms <n>            add up to this much more, at random
  --rate-limit-ratio <0..1>  answer this share of API requests 429
  --retry-after <seconds>    the Retry-After of those 429s (default 1)
  --error-ratio <0..1>       answer this share of API requests 500
  --finalize-delay-ms <n>    hold every finalize answer back this long
  --help                     show this text`;

export class CliUsageError extends Error {}

function integer(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new CliUsageError(`${flag} takes an integer of at least ${min}, not "${value}"`);
  }
  return Number(value);
}

function ratio(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new CliUsageError(`${flag} takes a number from 0 to 1, not "${value}"`);
  }
  return number;
}

function parseRole(spec: string): RoleDefinition {
  const match = /^(\d+):(.+)$/.exec(spec);
  if (!match) {
    throw new CliUsageError(`--role takes "<id>:<name>", not "${spec}"`);
  }
  return { id: Number(match[1]), name: match[2].trim() };
}

function parseCustomField(spec: string): CustomFieldInput {
  const [name, ...rest] = spec.split(':');
  const field: CustomFieldInput = { name: name.trim() };
  for (const part of rest) {
    const [type, values] = part.split('=');
    if (part === 'unique') {
      field.unique = true;
    } else if ((CUSTOM_FIELD_TYPES as readonly string[]).includes(type) && (values === undefined) === (type !== 'dropdown')) {
      field.type = type as CustomFieldType;
      if (values !== undefined) {
        field.values = values.split('|');
      }
    } else {
      throw new CliUsageError(`--custom-field takes "<name>[:<type>][:unique]" (dropdown as "dropdown=A|B"), not "${spec}"`);
    }
  }
  if (!field.name) {
    throw new CliUsageError(`--custom-field needs a name: "${spec}"`);
  }
  return field;
}

function faultsOf(values: Record<string, string | undefined>): FaultSettingsInput {
  const faults: FaultSettingsInput = {};
  const fixedMs = integer(values['latency-ms'], '--latency-ms');
  const jitterMs = integer(values['jitter-ms'], '--jitter-ms');
  if (fixedMs !== undefined || jitterMs !== undefined) {
    faults.latency = { fixedMs, jitterMs };
  }
  const rateLimitRatio = ratio(values['rate-limit-ratio'], '--rate-limit-ratio');
  const retryAfterSeconds = integer(values['retry-after'], '--retry-after');
  if (rateLimitRatio !== undefined || retryAfterSeconds !== undefined) {
    faults.rateLimit = { ratio: rateLimitRatio, retryAfterSeconds };
  }
  const errorRatio = ratio(values['error-ratio'], '--error-ratio');
  if (errorRatio !== undefined) {
    faults.serverErrors = { ratio: errorRatio };
  }
  const delayMs = integer(values['finalize-delay-ms'], '--finalize-delay-ms');
  if (delayMs !== undefined) {
    faults.slowFinalize = { delayMs };
  }
  // Settings a flag left undefined are dropped, so the admin API shows only what was set.
  return JSON.parse(JSON.stringify(faults)) as FaultSettingsInput;
}

export const DEFAULT_PORT = 9302;

/** Reads the command line; `help` when --help was asked for. Throws CliUsageError on a bad flag. */
export function parseCliOptions(argv: string[]): OomnitzaSandboxOptions | 'help' {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    return 'help';
  }
  const single = values as Record<string, string | undefined>;
  const customFields = (values['custom-field'] ?? []).map(parseCustomField);
  return {
    port: integer(values.port, '--port') ?? DEFAULT_PORT,
    host: values.host,
    token: values.token,
    adminKey: values['admin-key'],
    saas: values['saas-id'] ? { id: values['saas-id'] } : undefined,
    roles: values.role ? values.role.map(parseRole) : undefined,
    customFields: values['no-zoom-id-field'] ? customFields : [ZOOM_ID_FIELD, ...customFields],
    faults: faultsOf(single),
  };
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'admin-key': { type: 'string' },
      'saas-id': { type: 'string' },
      role: { type: 'string', multiple: true },
      'custom-field': { type: 'string', multiple: true },
      'no-zoom-id-field': { type: 'boolean' },
      'latency-ms': { type: 'string' },
      'jitter-ms': { type: 'string' },
      'rate-limit-ratio': { type: 'string' },
      'retry-after': { type: 'string' },
      'error-ratio': { type: 'string' },
      'finalize-delay-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
}
