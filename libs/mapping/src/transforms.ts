import { isEmptyValue, readSource, SourceValue, textOf, ZoomUserFields } from './zoom-values';

/** One step of a mapped field: the value so far (and the user, for steps that read other fields) in, the next value out. */
export type Transform = (value: SourceValue, user: ZoomUserFields) => SourceValue;

const onText =
  (change: (text: string) => string): Transform =>
  (value) =>
    typeof value === 'string' ? change(value) : value;

export const trim: Transform = onText((text) => text.trim());
export const lowerCase: Transform = onText((text) => text.toLowerCase());
export const upperCase: Transform = onText((text) => text.toUpperCase());

export const withDefault =
  (fallback: string | number): Transform =>
  (value) =>
    isEmptyValue(value) ? fallback : value;

/** `{name}` placeholders of a template: Zoom sources, or `value` for the value so far. */
export const TEMPLATE_PLACEHOLDER = /\{([^{}]+)\}/g;
export const VALUE_PLACEHOLDER = 'value';

/** Fills each placeholder with its field as text (empty when the user has none), and trims the result. */
export const fromTemplate =
  (template: string): Transform =>
  (value, user) =>
    template.replace(TEMPLATE_PLACEHOLDER, (_, name: string) => textOf(name === VALUE_PLACEHOLDER ? value : readSource(user, name))).trim();

/** Replaces what the expression matches in the value as text; an empty value stays empty. */
export const regexReplace =
  (expression: RegExp, replacement: string): Transform =>
  (value) =>
    isEmptyValue(value) ? value : textOf(value).replace(expression, replacement);

/** The table's value for the value as text; a value not in it becomes `fallback` when given, else stays. */
export const lookUp =
  (table: Readonly<Record<string, string | number>>, fallback?: string | number): Transform =>
  (value) => {
    const key = textOf(value);
    if (Object.hasOwn(table, key)) {
      return table[key];
    }
    return fallback ?? value;
  };

/** Unix times below this are seconds, above it milliseconds (year 5138 in seconds). */
const LARGEST_UNIX_SECONDS = 99_999_999_999;

/** Milliseconds since the epoch of a date, ISO text or Unix time (seconds or milliseconds); undefined when it is none. */
export function timeOf(value: SourceValue): number | undefined {
  if (typeof value === 'number') {
    return Math.abs(value) <= LARGEST_UNIX_SECONDS ? value * 1000 : value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    const time = /^-?\d+$/.test(text) ? timeOf(Number(text)) : Date.parse(text);
    return time !== undefined && Number.isFinite(time) ? time : undefined;
  }
  return undefined;
}

/** A date or time as ISO-8601 (UTC, seconds) or Unix seconds; what is not a date becomes null. */
export const formatDate =
  (format: 'iso' | 'unix'): Transform =>
  (value) => {
    if (isEmptyValue(value)) {
      return null;
    }
    const time = timeOf(value);
    if (time === undefined || Number.isNaN(new Date(time).getTime())) {
      return null;
    }
    return format === 'unix' ? Math.floor(time / 1000) : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };

/** A number from text such as " 1,234.5 " (thousands separators dropped); what is not a number becomes null. */
export const parseNumber: Transform = (value) => {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return null;
  }
  const text = value.trim().replace(/(?<=\d)[,_ ](?=\d{3}\b)/g, '');
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
};

/** The value so far when it is not empty, else the first of the sources that is not. */
export const firstNonEmpty =
  (sources: readonly string[]): Transform =>
  (value, user) => {
    if (!isEmptyValue(value)) {
      return value;
    }
    for (const source of sources) {
      const candidate = readSource(user, source);
      if (!isEmptyValue(candidate)) {
        return candidate;
      }
    }
    return null;
  };
