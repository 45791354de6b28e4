import { CliValues, option } from '@zoom-oomnitza-sync/devkit';
import {
  CUSTOM_FIELD_TYPES,
  CustomFieldInput,
  CustomFieldType,
  DEFAULT_SAAS,
  OomnitzaSandboxOptions,
  PORTION_ANSWERS,
  RoleDefinition,
  ZOOM_ID_FIELD,
} from './config';
import { FaultSettingsInput } from './faults/faults';

const CUSTOM_FIELD_SPEC = `"<name>[:<type>][:unique]" with a type of ${CUSTOM_FIELD_TYPES.join(', ')} (dropdown as "dropdown=A|B|C")`;

export const OOMNITZA_SANDBOX_COMMAND = {
  usage: 'npm run sandbox:oomnitza -- [options]',
  options: {
    port: option.integer({ min: 0, default: 9302, valueName: '<n>', help: 'port to listen on; 0 = any free port' }),
    host: option.string({ valueName: '<address>', help: 'address to bind (default 127.0.0.1)' }),
    token: option.string({ valueName: '<token>', help: 'API token clients send as Authorization2 (default: generated)' }),
    'admin-key': option.string({
      valueName: '<key>',
      help: 'key of the /sandbox admin API, header x-sandbox-admin-key (default: generated)',
    }),
    'saas-id': option.string({ valueName: '<id>', help: `id of the Zoom SaaS app (default ${DEFAULT_SAAS.id})` }),
    role: option.repeatable({
      valueName: '<id:name>',
      accepts: '"<id>:<name>"',
      convert: parseRole,
      help: 'a role people may have; the roles given replace the defaults 1 Administrator, 2 Manager and 25 Employee',
    }),
    'custom-field': option.repeatable({
      valueName: '<spec>',
      accepts: CUSTOM_FIELD_SPEC,
      convert: parseCustomField,
      help: `a custom people field, ${CUSTOM_FIELD_SPEC}`,
    }),
    'no-zoom-id-field': option.flag({ help: 'do not define the unique "Zoom ID" custom field' }),
    'no-catalogue': option.flag({ help: 'answer 404 for the field catalogue and the roles, which Oomnitza does not document' }),
    'latency-ms': option.integer({ min: 0, valueName: '<n>', help: 'add this latency to every API response' }),
    'jitter-ms': option.integer({ min: 0, valueName: '<n>', help: 'add up to this much more, at random' }),
    'rate-limit-ratio': option.number({ min: 0, max: 1, valueName: '<0..1>', help: 'answer this share of API requests 429' }),
    'retry-after': option.integer({ min: 0, valueName: '<seconds>', help: 'the Retry-After of those 429s (default 1)' }),
    'error-ratio': option.number({ min: 0, max: 1, valueName: '<0..1>', help: 'answer this share of API requests 500' }),
    'finalize-delay-ms': option.integer({ min: 0, valueName: '<n>', help: 'hold every finalize answer back this long' }),
    'portion-answers': option.choice(PORTION_ANSWERS, {
      default: 'full',
      valueName: '<full|documented>',
      help: 'documented: a portion answers only {canceled} and finalize {}, all Oomnitza documents (default full)',
    }),
  },
};

export type OomnitzaSandboxCliValues = CliValues<typeof OOMNITZA_SANDBOX_COMMAND.options>;

/** The sandbox's options from the command line's; what was not given is left to the sandbox's defaults. */
export function sandboxOptionsOf(values: OomnitzaSandboxCliValues): OomnitzaSandboxOptions {
  const customFields = values['custom-field'];
  return {
    port: values.port,
    host: values.host,
    token: values.token,
    adminKey: values['admin-key'],
    saas: values['saas-id'] ? { id: values['saas-id'] } : undefined,
    roles: values.role.length > 0 ? values.role : undefined,
    customFields: values['no-zoom-id-field'] ? customFields : [ZOOM_ID_FIELD, ...customFields],
    faults: faultsOf(values),
    portionAnswers: values['portion-answers'],
    catalogue: !values['no-catalogue'],
  };
}

function parseRole(spec: string): RoleDefinition | undefined {
  const match = /^(\d+):(.+)$/.exec(spec);
  return match ? { id: Number(match[1]), name: match[2].trim() } : undefined;
}

function parseCustomField(spec: string): CustomFieldInput | undefined {
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
      return undefined;
    }
  }
  return field.name ? field : undefined;
}

function faultsOf(values: OomnitzaSandboxCliValues): FaultSettingsInput {
  const faults: FaultSettingsInput = {};
  const fixedMs = values['latency-ms'];
  const jitterMs = values['jitter-ms'];
  if (fixedMs !== undefined || jitterMs !== undefined) {
    faults.latency = { fixedMs, jitterMs };
  }
  const rateLimitRatio = values['rate-limit-ratio'];
  const retryAfterSeconds = values['retry-after'];
  if (rateLimitRatio !== undefined || retryAfterSeconds !== undefined) {
    faults.rateLimit = { ratio: rateLimitRatio, retryAfterSeconds };
  }
  if (values['error-ratio'] !== undefined) {
    faults.serverErrors = { ratio: values['error-ratio'] };
  }
  if (values['finalize-delay-ms'] !== undefined) {
    faults.slowFinalize = { delayMs: values['finalize-delay-ms'] };
  }
  // Settings a flag left undefined are dropped, so the admin API shows only what was set.
  return JSON.parse(JSON.stringify(faults)) as FaultSettingsInput;
}
