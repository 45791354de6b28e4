import { isZoomSource, TransformDto } from '@zoom-oomnitza-sync/contracts';
import {
  firstNonEmpty,
  formatDate,
  fromTemplate,
  lookUp,
  lowerCase,
  parseNumber,
  regexReplace,
  TEMPLATE_PLACEHOLDER,
  Transform,
  trim,
  upperCase,
  VALUE_PLACEHOLDER,
  withDefault,
} from './transforms';

/** A transform ready to run, with the Zoom sources it reads besides the value it is given. */
export interface CompiledTransform {
  transform: Transform;
  reads: string[];
}

/** Why one transform cannot run, said as its owner wrote it. */
export type TransformProblem = string;

const REGEX_FLAGS = /^[imsu]*$/;

function unknownSources(sources: readonly string[]): string[] {
  return sources.filter((source) => !isZoomSource(source));
}

function templateTransform({ template }: TransformDto): CompiledTransform | TransformProblem {
  if (template === undefined || template === '') {
    return 'needs a template, e.g. "{first_name} {last_name}"';
  }
  const placeholders = [...template.matchAll(TEMPLATE_PLACEHOLDER)].map(([, name]) => name);
  const reads = placeholders.filter((name) => name !== VALUE_PLACEHOLDER);
  const unknown = unknownSources(reads);
  if (unknown.length > 0) {
    return `the template names ${unknown.map((name) => `{${name}}`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a Zoom user field`;
  }
  return { transform: fromTemplate(template), reads };
}

function regexTransform({ pattern, replacement, flags }: TransformDto): CompiledTransform | TransformProblem {
  if (pattern === undefined || pattern === '') {
    return 'needs a pattern';
  }
  if (replacement === undefined) {
    return 'needs a replacement (it may be "")';
  }
  if (!REGEX_FLAGS.test(flags ?? '')) {
    return `flags "${flags}" may hold only i, m, s and u (every match is replaced)`;
  }
  try {
    return { transform: regexReplace(new RegExp(pattern, `g${flags ?? ''}`), replacement), reads: [] };
  } catch (error) {
    return `pattern is not a valid regular expression: ${(error as Error).message}`;
  }
}

function lookupTransform({ table, value }: TransformDto): CompiledTransform | TransformProblem {
  if (table === undefined || Object.keys(table).length === 0) {
    return 'needs a table of at least one entry, e.g. {"1": "Admin"}';
  }
  const invalid = Object.entries(table).find(([, mapped]) => typeof mapped !== 'string' && typeof mapped !== 'number');
  if (invalid) {
    return `table entry "${invalid[0]}" must map to a string or a number`;
  }
  return { transform: lookUp(table, value), reads: [] };
}

function firstNonEmptyTransform({ sources }: TransformDto): CompiledTransform | TransformProblem {
  if (sources === undefined || sources.length === 0) {
    return 'needs sources, the Zoom fields tried in turn';
  }
  const unknown = unknownSources(sources);
  if (unknown.length > 0) {
    return `sources ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a Zoom user field`;
  }
  return { transform: firstNonEmpty(sources), reads: sources };
}

/** Checks one transform's options and makes it ready to run, or says what is wrong with it. */
export function compileTransform(step: TransformDto): CompiledTransform | TransformProblem {
  switch (step.op) {
    case 'trim':
      return { transform: trim, reads: [] };
    case 'lower':
      return { transform: lowerCase, reads: [] };
    case 'upper':
      return { transform: upperCase, reads: [] };
    case 'default':
      return step.value === undefined ? 'needs a value' : { transform: withDefault(step.value), reads: [] };
    case 'template':
      return templateTransform(step);
    case 'regex_replace':
      return regexTransform(step);
    case 'lookup':
      return lookupTransform(step);
    case 'date':
      return step.format === undefined ? 'needs a format: "iso" or "unix"' : { transform: formatDate(step.format), reads: [] };
    case 'number':
      return { transform: parseNumber, reads: [] };
    case 'first_non_empty':
      return firstNonEmptyTransform(step);
    default:
      return `"${String(step.op)}" is not a transform`;
  }
}
