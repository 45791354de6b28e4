import {
  FieldMappingDto,
  LISTED_ZOOM_SOURCES,
  OOMNITZA_ROLE_FIELD,
  OOMNITZA_USERNAME_FIELD,
  OomnitzaFieldInfo,
  READ_ONLY_ZOOM_SOURCES,
  STANDARD_ZOOM_FIELDS,
  StandardZoomField,
} from '@zoom-oomnitza-sync/contracts';
import { fieldFitProblem } from './field-fit';
import { lineValues } from './line-values';

/** One proposed pair: the Zoom source, the Oomnitza field, how sure, and why. */
export interface MappingProposal {
  source: string;
  target: string;
  targetLabel: string;
  /** 0 to 1: 1 for the same name, 0.95 for a known synonym, less for names that only share words. */
  confidence: number;
  reason: string;
}

/** Smart Mapping's answer, with the proposals also written as the integration's own settings. */
export interface MappingSuggestion {
  proposals: MappingProposal[];
  /** The proposals for the standard fields, as PATCH /integrations/:id takes them. */
  fieldTargets: Partial<Record<StandardZoomField, string>>;
  /** The proposals for the other Zoom fields, as mapping lines. */
  fieldMappings: FieldMappingDto[];
  /** Zoom sources no Oomnitza field fits well enough. */
  unmatched: string[];
}

/** Other names Oomnitza fields go by for a Zoom source (the source's own words are always tried). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ['zoom id', 'zoom user id'],
  dept: ['department', 'dept'],
  pmi: ['personal meeting id', 'personal meeting number'],
  role_id: ['zoom role id', 'role id'],
  type: ['user type', 'license type', 'licence type'],
  timezone: ['timezone', 'time zone'],
  last_login_time: ['last login', 'last login time'],
  status: ['zoom status', 'status'],
  connector_sync_time: ['connector sync time', 'sync time', 'last sync'],
  email: ['email address', 'mail'],
  first_name: ['given name', 'firstname'],
  last_name: ['surname', 'family name', 'lastname'],
  display_name: ['display name', 'full name'],
  phone_number: ['phone', 'phone number', 'mobile'],
  job_title: ['position', 'job title', 'title'],
  company: ['company', 'organization', 'organisation'],
  location: ['location', 'office'],
  manager: ['manager', 'manager email'],
  cost_center: ['cost center', 'cost centre'],
  employee_unique_id: ['employee id', 'employee number'],
  language: ['language', 'locale'],
  role_name: ['zoom role', 'role name'],
  last_client_version: ['client version', 'zoom client version'],
  created_at: ['zoom created', 'created in zoom'],
};

/** Words that tell nothing about a field of a Zoom user in Oomnitza. */
const NEUTRAL_WORDS = new Set(['zoom', 'user', 'users', 's', 'of', 'the']);
const MIN_CONFIDENCE = 0.5;

function words(name: string): Set<string> {
  const split = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !NEUTRAL_WORDS.has(word));
  return new Set(split);
}

const sameWords = (left: Set<string>, right: Set<string>) =>
  left.size > 0 && left.size === right.size && [...left].every((word) => right.has(word));

function sharedShare(left: Set<string>, right: Set<string>): { shared: string[]; dice: number } {
  const shared = [...left].filter((word) => right.has(word));
  return { shared, dice: left.size + right.size === 0 ? 0 : (2 * shared.length) / (left.size + right.size) };
}

function scored(source: string, field: OomnitzaFieldInfo): MappingProposal | undefined {
  const label = words(field.label);
  const propose = (confidence: number, reason: string) => ({ source, target: field.id, targetLabel: field.label, confidence, reason });
  if (sameWords(words(source), label) || field.id.toLowerCase() === source) {
    return propose(1, `same name: ${source} is "${field.label}"`);
  }
  const synonym = (SYNONYMS[source] ?? []).find((name) => sameWords(words(name), label));
  if (synonym) {
    return propose(0.95, `synonym: ${source} is also called "${synonym}"`);
  }
  const best = [source, ...(SYNONYMS[source] ?? [])]
    .map((name) => sharedShare(words(name), label))
    .reduce((left, right) => (right.dice > left.dice ? right : left));
  const confidence = Math.round(best.dice * 0.8 * 100) / 100;
  return confidence >= MIN_CONFIDENCE
    ? propose(confidence, `similar name: both say ${best.shared.map((word) => `"${word}"`).join(', ')}`)
    : undefined;
}

function typeNote(source: string, field: OomnitzaFieldInfo): string | undefined {
  const values =
    source === 'connector_sync_time' ? { kinds: new Set(['date'] as const), literals: [], open: true } : lineValues({ source });
  return fieldFitProblem(field, values);
}

/**
 * Proposes an Oomnitza field for every Zoom source (the standard fields first, then every other
 * field Zoom's Users API has) from Oomnitza's fields: same names, synonyms, shared words, and
 * only fields whose type takes the source's values. Each field is proposed once, to the source it
 * fits best; Username and Role are the platform's own.
 */
export function suggestMapping(fields: readonly OomnitzaFieldInfo[]): MappingSuggestion {
  const candidates = fields.filter(
    (field) => field.id !== OOMNITZA_USERNAME_FIELD && field.id !== OOMNITZA_ROLE_FIELD && field.type !== 'role',
  );
  const sources = [...new Set<string>([...STANDARD_ZOOM_FIELDS, ...LISTED_ZOOM_SOURCES, ...READ_ONLY_ZOOM_SOURCES])];
  const standard = new Set<string>(STANDARD_ZOOM_FIELDS);
  const ranked = sources
    .flatMap((source) => candidates.filter((field) => !typeNote(source, field)).map((field) => scored(source, field)))
    .filter((proposal): proposal is MappingProposal => proposal !== undefined)
    .sort((left, right) => right.confidence - left.confidence || Number(standard.has(right.source)) - Number(standard.has(left.source)));
  const taken = new Set<string>();
  const proposed = new Map<string, MappingProposal>();
  for (const proposal of ranked) {
    if (!proposed.has(proposal.source) && !taken.has(proposal.target)) {
      proposed.set(proposal.source, proposal);
      taken.add(proposal.target);
    }
  }
  const proposals = sources.flatMap((source) => proposed.get(source) ?? []);
  return {
    proposals,
    fieldTargets: Object.fromEntries(
      proposals.filter((proposal) => standard.has(proposal.source)).map((proposal) => [proposal.source, proposal.target]),
    ),
    fieldMappings: proposals
      .filter((proposal) => !standard.has(proposal.source))
      .map((proposal) => ({ target: proposal.target, source: proposal.source })),
    unmatched: sources.filter((source) => !proposed.has(source)),
  };
}
