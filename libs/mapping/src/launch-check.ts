import {
  DOCUMENTED_OOMNITZA_FIELDS,
  mappingTargetsOf,
  OOMNITZA_ROLE_FIELD,
  OOMNITZA_USERNAME_FIELD,
  OomnitzaCatalogue,
  OomnitzaFieldInfo,
  STANDARD_ZOOM_FIELDS,
  StandardZoomField,
  IntegrationType,
  SyncKey,
  syncFieldFor,
} from '@zoom-oomnitza-sync/contracts';
import { fieldFitProblem } from './field-fit';
import { IntegrationMappingChoices } from './integration-mapping';
import { LineValues, lineValues } from './line-values';
import { MappingProblem } from './mapping-problem';

/** What Launch checks: the mapping, the role people are created with, the field records are matched on. */
export interface LaunchChoices extends IntegrationMappingChoices {
  oomnitzaRoleId: number | null;
  syncKey: SyncKey;
  /** Absent: user. */
  type?: IntegrationType;
  oomnitzaSaasId?: string | null;
}

/** The values of a standard field: its Zoom source as it is, and the run's time for Connector Sync Time. */
function standardValues(field: StandardZoomField): LineValues {
  return field === 'connector_sync_time' ? { kinds: new Set(['date']), literals: [], open: true } : lineValues({ source: field });
}

interface WrittenField {
  at: string;
  target: string;
  values: LineValues;
}

function writtenFields(choices: LaunchChoices): WrittenField[] {
  const targets = mappingTargetsOf(choices.fieldTargets);
  const lines = choices.fieldMappings ?? [];
  const overridden = new Set(lines.map((line) => line.target));
  return [
    ...STANDARD_ZOOM_FIELDS.filter((field) => !overridden.has(targets[field])).map((field) => ({
      at: `fieldTargets.${field}`,
      target: targets[field],
      values: standardValues(field),
    })),
    ...lines.map((line, index) => ({ at: `fieldMappings[${index}].target`, target: line.target, values: lineValues(line) })),
  ];
}

function roleProblems(choices: LaunchChoices, catalogue: OomnitzaCatalogue | null): MappingProblem[] {
  if (choices.oomnitzaRoleId === null) {
    return [{ field: 'oomnitzaRoleId', message: 'choose the Oomnitza role people are created with' }];
  }
  const roles = catalogue?.roles;
  if (roles && !roles.some((role) => role.id === choices.oomnitzaRoleId)) {
    const known = roles.map((role) => `${role.id} (${role.name})`).join(', ');
    return [{ field: 'oomnitzaRoleId', message: `Oomnitza has no role ${choices.oomnitzaRoleId}; its roles are ${known}` }];
  }
  return [];
}

function mandatoryProblems(choices: LaunchChoices, written: WrittenField[], fields: readonly OomnitzaFieldInfo[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mappingTargetsOf(choices.fieldTargets).email !== 'EMAIL') {
    problems.push({ field: 'fieldTargets.email', message: 'Email must map to Oomnitza’s Email (EMAIL) as well as to the Username' });
  }
  const filled = new Set([OOMNITZA_USERNAME_FIELD, OOMNITZA_ROLE_FIELD, ...written.map((field) => field.target)]);
  for (const field of fields.filter((candidate) => candidate.mandatory && !filled.has(candidate.id))) {
    problems.push({ field: 'fieldMappings', message: `${field.label} (${field.id}) is mandatory in Oomnitza and nothing maps to it` });
  }
  return problems;
}

function syncKeyProblems(choices: LaunchChoices, fields: readonly OomnitzaFieldInfo[]): MappingProblem[] {
  const syncField = syncFieldFor(choices.syncKey, mappingTargetsOf(choices.fieldTargets));
  const known = fields.find((field) => field.id === syncField);
  if (known && !known.unique) {
    return [
      {
        field: 'syncKey',
        message: `records are matched on ${known.label} (${known.id}), which is not unique in Oomnitza: choose Email, or make the Zoom ID field unique`,
      },
    ];
  }
  return [];
}

function catalogueProblems(written: WrittenField[], fields: readonly OomnitzaFieldInfo[]): MappingProblem[] {
  const byId = new Map(fields.map((field) => [field.id, field]));
  return written.flatMap(({ at, target, values }): MappingProblem[] => {
    const field = byId.get(target);
    if (!field) {
      return [{ field: at, message: `Oomnitza has no people field ${target}` }];
    }
    const unfit = fieldFitProblem(field, values);
    return unfit ? [{ field: at, message: unfit }] : [];
  });
}

/** A User plus SaaS user integration names the Zoom SaaS app in Oomnitza its people become users of. */
export function saasAppProblems(choices: Pick<LaunchChoices, 'type' | 'oomnitzaSaasId'>): MappingProblem[] {
  return choices.type === 'user_and_saas' && !choices.oomnitzaSaasId
    ? [{ field: 'oomnitzaSaasId', message: 'a User plus SaaS user integration needs the id of the Zoom SaaS app in Oomnitza' }]
    : [];
}

/**
 * Why the integration cannot be launched yet: an empty list when it can. Without Oomnitza's
 * catalogue (`catalogue` null, or its fields or roles null) the checks are those the
 * documentation allows: Email, the names and a role mapped, Email as a unique sync field.
 */
export function launchProblems(choices: LaunchChoices, catalogue: OomnitzaCatalogue | null): MappingProblem[] {
  const written = writtenFields(choices);
  const fields = catalogue?.fields ?? DOCUMENTED_OOMNITZA_FIELDS;
  return [
    ...roleProblems(choices, catalogue),
    ...saasAppProblems(choices),
    ...mandatoryProblems(choices, written, [
      ...new Map([...DOCUMENTED_OOMNITZA_FIELDS, ...fields].map((field) => [field.id, field])).values(),
    ]),
    ...syncKeyProblems(choices, fields),
    ...(catalogue?.fields ? catalogueProblems(written, catalogue.fields) : []),
  ];
}
