import { option } from './cli-option';
import { CliUsageError, parseCommandLine, readCommandLine, usageText } from './command-line';

const COMMAND = {
  usage: 'npm run example -- [options]',
  options: {
    port: option.integer({ min: 0, max: 65535, default: 9300, help: 'port to listen on' }),
    users: option.integer({ min: 1, help: 'users to create' }),
    ratio: option.number({ min: 0, max: 1, valueName: '0..1', help: 'share of requests that fail' }),
    factor: option.number({ above: 0, default: 1, valueName: 'F', help: 'divides every delay' }),
    host: option.string({ valueName: 'H', help: 'interface to bind' }),
    plan: option.choice(['free', 'pro'] as const, { default: 'pro', help: 'rate limits' }),
    day: option.parsed({
      valueName: 'DATE',
      accepts: 'a date YYYY-MM-DD',
      help: 'last day',
      convert: (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined),
    }),
    keep: option.flag({ help: 'keep running' }),
    tag: option.repeatable({ valueName: 'T', help: 'a tag' }),
    role: option.repeatable({
      valueName: 'ID',
      accepts: 'a number',
      help: 'a role id',
      convert: (text) => (/^\d+$/.test(text) ? Number(text) : undefined),
    }),
  },
};

const parse = (argv: string[]) => parseCommandLine(COMMAND, argv);

describe('parseCommandLine', () => {
  it('gives the defaults when nothing is given', () => {
    expect(parse([])).toEqual({
      help: false,
      values: {
        port: 9300,
        users: undefined,
        ratio: undefined,
        factor: 1,
        host: undefined,
        plan: 'pro',
        day: undefined,
        keep: false,
        tag: [],
        role: [],
      },
    });
  });

  it('reads --flag value and --flag=value, typed', () => {
    // prettier-ignore
    const { values } = parse([
      '--port=0', '--users', '250', '--ratio', '0.25', '--factor=60', '--host', '0.0.0.0', '--plan', 'free',
      '--day', '2025-06-01', '--keep', '--tag', 'a', '--tag=b', '--role', '25', '--role', '2',
    ]);
    expect(values).toEqual({
      port: 0,
      users: 250,
      ratio: 0.25,
      factor: 60,
      host: '0.0.0.0',
      plan: 'free',
      day: '2025-06-01',
      keep: true,
      tag: ['a', 'b'],
      role: [25, 2],
    });
  });

  it('lets the last of a repeated single-valued flag win', () => {
    expect(parse(['--port', '1', '--port', '2']).values.port).toBe(2);
  });

  it('asks for help with --help or -h, whatever else is given', () => {
    expect(parse(['--port', 'x', '--help']).help).toBe(true);
    expect(parse(['-h']).help).toBe(true);
  });

  it.each([
    [['--colour', 'blue'], 'unknown option --colour'],
    [['-x'], 'unknown option -x'],
    [['stray'], 'unexpected argument "stray"'],
    [['--users'], '--users needs a value (an integer of at least 1)'],
    [['--users', '--keep'], '--users needs a value (an integer of at least 1)'],
    [['--keep=yes'], '--keep takes no value'],
    [['--users', 'many'], '--users takes an integer of at least 1, not "many"'],
    [['--users', '2.5'], '--users takes an integer of at least 1, not "2.5"'],
    [['--port=-1'], '--port takes an integer from 0 to 65535, not "-1"'],
    [['--port', '70000'], '--port takes an integer from 0 to 65535, not "70000"'],
    [['--ratio', '1.5'], '--ratio takes a number from 0 to 1, not "1.5"'],
    [['--ratio', ''], '--ratio takes a number from 0 to 1, not ""'],
    [['--factor', '0'], '--factor takes a number above 0, not "0"'],
    [['--plan', 'enterprise'], '--plan takes one of free, pro, not "enterprise"'],
    [['--day', 'yesterday'], '--day takes a date YYYY-MM-DD, not "yesterday"'],
    [['--role', 'admin'], '--role takes a number, not "admin"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(new CliUsageError(message));
  });
});

describe('usageText', () => {
  it('lists every flag with its value, help and default, aligned', () => {
    expect(usageText(COMMAND)).toBe(
      [
        'Usage: npm run example -- [options]',
        '',
        '  --port N         port to listen on (default 9300)',
        '  --users N        users to create',
        '  --ratio 0..1     share of requests that fail',
        '  --factor F       divides every delay (default 1)',
        '  --host H         interface to bind',
        '  --plan free|pro  rate limits (default pro)',
        '  --day DATE       last day',
        '  --keep           keep running',
        '  --tag T          a tag (repeatable)',
        '  --role ID        a role id (repeatable)',
        '  --help, -h       this text',
      ].join('\n'),
    );
  });
});

describe('readCommandLine', () => {
  let exit: jest.SpyInstance;
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('returns the values', () => {
    expect(readCommandLine(COMMAND, ['--keep']).keep).toBe(true);
    expect(exit).not.toHaveBeenCalled();
  });

  it('prints the usage on stdout and exits 0 on --help', () => {
    expect(() => readCommandLine(COMMAND, ['--help'])).toThrow('exit 0');
    expect(log).toHaveBeenCalledWith(usageText(COMMAND));
  });

  it('prints the problem and the usage on stderr and exits 2 on a bad command line', () => {
    expect(() => readCommandLine(COMMAND, ['--plan', 'gold'])).toThrow('exit 2');
    expect(error).toHaveBeenCalledWith(`--plan takes one of free, pro, not "gold"\n\n${usageText(COMMAND)}`);
  });
});
