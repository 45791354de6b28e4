/**
 * One command-line option, declared once: how the usage shows it, its default, and how a given
 * value becomes a typed one. Build it with `option.integer(...)`, `option.flag(...)`, and so on.
 */
export interface CliOption<T> {
  readonly help: string;
  /** How the usage names the value ("N", "URL"); undefined for a flag, which takes none. */
  readonly valueName: string | undefined;
  readonly repeatable: boolean;
  readonly defaultValue: T;
  /** What a value must be, for the usage error: "an integer from 1 to 300". */
  readonly accepts: string;
  /** The option's value once it is given `text` (undefined for a flag); undefined when `text` is not acceptable. */
  next(current: T, text: string | undefined): { value: T } | undefined;
}

interface OptionSpec {
  /** One line for the usage; a default that is given is shown after it. */
  help: string;
  valueName?: string;
}

interface RangeSpec extends OptionSpec {
  min?: number;
  max?: number;
}

interface NumberSpec extends RangeSpec {
  /** Values must be greater than this (e.g. 0 for "a positive number"). */
  above?: number;
}

interface ParsedSpec<T> extends OptionSpec {
  /** What `convert` accepts, for the usage error: "a date YYYY-MM-DD". */
  accepts: string;
  /** The typed value, or undefined when the text is not acceptable. */
  convert(text: string): T | undefined;
}

function single<T>(
  spec: OptionSpec,
  valueName: string,
  accepts: string,
  defaultValue: T,
  convert: (text: string) => T | undefined,
): CliOption<T> {
  return {
    help: spec.help,
    valueName: spec.valueName ?? valueName,
    repeatable: false,
    defaultValue,
    accepts,
    next: (_current, text) => {
      const value = text === undefined ? undefined : convert(text);
      return value === undefined ? undefined : { value };
    },
  };
}

function rangeText(kind: string, spec: RangeSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) {
    return `${kind} from ${spec.min} to ${spec.max}`;
  }
  if (spec.min !== undefined) {
    return `${kind} of at least ${spec.min}`;
  }
  return spec.max === undefined ? kind : `${kind} of at most ${spec.max}`;
}

const inRange = (value: number, spec: RangeSpec): boolean =>
  (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);

function integer(spec: RangeSpec & { default: number }): CliOption<number>;
function integer(spec: RangeSpec): CliOption<number | undefined>;
function integer(spec: RangeSpec & { default?: number }): CliOption<number | undefined> {
  return single(spec, 'N', rangeText('an integer', spec), spec.default, (text) => {
    const value = Number(text);
    return /^-?\d+$/.test(text) && Number.isSafeInteger(value) && inRange(value, spec) ? value : undefined;
  });
}

function number(spec: NumberSpec & { default: number }): CliOption<number>;
function number(spec: NumberSpec): CliOption<number | undefined>;
function number(spec: NumberSpec & { default?: number }): CliOption<number | undefined> {
  const accepts = spec.above === undefined ? rangeText('a number', spec) : `a number above ${spec.above}`;
  return single(spec, 'N', accepts, spec.default, (text) => {
    const value = Number(text);
    const aboveFloor = spec.above === undefined || value > spec.above;
    return text.trim() !== '' && Number.isFinite(value) && inRange(value, spec) && aboveFloor ? value : undefined;
  });
}

function string(spec: OptionSpec & { default: string }): CliOption<string>;
function string(spec: OptionSpec): CliOption<string | undefined>;
function string(spec: OptionSpec & { default?: string }): CliOption<string | undefined> {
  return single(spec, 'TEXT', 'any text', spec.default, (text) => text);
}

function choice<V extends string>(values: readonly V[], spec: OptionSpec & { default: V }): CliOption<V>;
function choice<V extends string>(values: readonly V[], spec: OptionSpec): CliOption<V | undefined>;
function choice<V extends string>(values: readonly V[], spec: OptionSpec & { default?: V }): CliOption<V | undefined> {
  const accepted = (text: string): text is V => (values as readonly string[]).includes(text);
  return single(spec, values.join('|'), `one of ${values.join(', ')}`, spec.default, (text) => (accepted(text) ? text : undefined));
}

function parsed<T>(spec: ParsedSpec<T> & { default: T }): CliOption<T>;
function parsed<T>(spec: ParsedSpec<T>): CliOption<T | undefined>;
function parsed<T>(spec: ParsedSpec<T> & { default?: T }): CliOption<T | undefined> {
  return single<T | undefined>(spec, 'VALUE', spec.accepts, spec.default, (text) => spec.convert(text));
}

/** `--name` alone: true when given. */
function flag(spec: Omit<OptionSpec, 'valueName'>): CliOption<boolean> {
  return {
    help: spec.help,
    valueName: undefined,
    repeatable: false,
    defaultValue: false,
    accepts: 'no value',
    next: () => ({ value: true }),
  };
}

/** Given any number of times; the values in the order given. */
function repeatable<T>(spec: ParsedSpec<T>): CliOption<T[]>;
function repeatable(spec: OptionSpec): CliOption<string[]>;
function repeatable<T>(spec: OptionSpec & Partial<ParsedSpec<T>>): CliOption<(T | string)[]> {
  const convert = spec.convert ?? ((text: string) => text);
  return {
    help: spec.help,
    valueName: spec.valueName ?? 'VALUE',
    repeatable: true,
    defaultValue: [],
    accepts: spec.accepts ?? 'any text',
    next: (current, text) => {
      const value = text === undefined ? undefined : convert(text);
      return value === undefined ? undefined : { value: [...current, value] };
    },
  };
}

/** The kinds of option a command may declare; each takes `help` and, but for a flag, an optional `default` and `valueName`. */
export const option = { integer, number, string, choice, parsed, flag, repeatable };
