import { parseArgs } from 'node:util';
import { CliOption } from './cli-option';

export type CliOptions = Readonly<Record<string, CliOption<unknown>>>;

/** A command's options, keyed by their flag names without the dashes ("page-size" is --page-size). */
export interface CommandLine<O extends CliOptions> {
  /** How the command is run, after "Usage: ": "npm run demo -- [options]". */
  readonly usage: string;
  readonly options: O;
}

export type CliValues<O extends CliOptions> = { -readonly [K in keyof O]: O[K] extends CliOption<infer T> ? T : never };

/** A command line the command does not accept; the message names the flag and what it takes. */
export class CliUsageError extends Error {}

const HELP = { flag: '--help, -h', help: 'this text' };

/** The usage text, generated from the declarations. */
export function usageText(command: CommandLine<CliOptions>): string {
  const rows = Object.entries(command.options).map(([name, option]) => {
    const notes = [option.repeatable ? 'repeatable' : undefined, defaultNote(option.defaultValue)].filter(Boolean);
    return {
      flag: option.valueName === undefined ? `--${name}` : `--${name} ${option.valueName}`,
      help: notes.length > 0 ? `${option.help} (${notes.join('; ')})` : option.help,
    };
  });
  rows.push(HELP);
  const width = Math.max(...rows.map((row) => row.flag.length)) + 2;
  return [`Usage: ${command.usage}`, '', ...rows.map((row) => `  ${row.flag.padEnd(width)}${row.help}`)].join('\n');
}

function defaultNote(value: unknown): string | undefined {
  const shown = typeof value === 'number' || (typeof value === 'string' && value !== '');
  return shown ? `default ${value}` : undefined;
}

/**
 * Reads `--flag value` and `--flag=value` (the last one given wins unless the option repeats).
 * When --help or -h is among them the rest is not checked and the values are the defaults.
 */
export function parseCommandLine<O extends CliOptions>(
  command: CommandLine<O>,
  argv: readonly string[],
): { help: boolean; values: CliValues<O> } {
  const options: CliOptions = command.options;
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(options).map(([name, option]) => [name, option.defaultValue]));
  // Not strict: the tokens let the errors name the flag, where parseArgs's own messages would not.
  const { tokens } = parseArgs({
    args: [...argv],
    strict: false,
    tokens: true,
    options: {
      ...Object.fromEntries(
        Object.entries(options).map(([name, option]) => [name, { type: option.valueName === undefined ? 'boolean' : 'string' } as const]),
      ),
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) {
    return { help: true, values: values as CliValues<O> };
  }
  for (const token of tokens) {
    if (token.kind !== 'option') {
      throw new CliUsageError(token.kind === 'positional' ? `unexpected argument "${token.value}"` : 'unexpected "--"');
    }
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) {
      throw new CliUsageError(`unknown option ${token.rawName}`);
    }
    const flag = `--${token.name}`;
    if (option.valueName === undefined && token.value !== undefined) {
      throw new CliUsageError(`${flag} takes no value`);
    }
    // "--users --keep": a value that is itself a flag means the value was left out.
    if (option.valueName !== undefined && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      throw new CliUsageError(`${flag} needs a value (${option.accepts})`);
    }
    const next = option.next(values[token.name], token.value);
    if (!next) {
      throw new CliUsageError(`${flag} takes ${option.accepts}, not "${token.value}"`);
    }
    values[token.name] = next.value;
  }
  return { help: false, values: values as CliValues<O> };
}

/**
 * The values of this process's command line. On --help it prints the usage and exits 0; on a
 * command line it does not accept, it prints the problem and the usage on stderr and exits 2.
 */
export function readCommandLine<O extends CliOptions>(
  command: CommandLine<O>,
  argv: readonly string[] = process.argv.slice(2),
): CliValues<O> {
  try {
    const { help, values } = parseCommandLine(command, argv);
    if (help) {
      console.log(usageText(command));
      process.exit(0);
    }
    return values;
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\n\n${usageText(command)}`);
      process.exit(2);
    }
    throw error;
  }
}
