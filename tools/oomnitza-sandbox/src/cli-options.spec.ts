import { CliUsageError, parseCommandLine } from '@zoom-oomnitza-sync/devkit';
import { OOMNITZA_SANDBOX_COMMAND, sandboxOptionsOf } from './cli-options';
import { ZOOM_ID_FIELD } from './config';

const parse = (argv: string[]) => parseCommandLine(OOMNITZA_SANDBOX_COMMAND, argv);
const optionsOf = (argv: string[]) => sandboxOptionsOf(parse(argv).values);

describe('the sandbox:oomnitza command line', () => {
  it('defaults to port 9302, the default roles and the Zoom ID field, with no faults', () => {
    expect(optionsOf([])).toEqual({
      port: 9302,
      host: undefined,
      token: undefined,
      adminKey: undefined,
      saas: undefined,
      roles: undefined,
      customFields: [ZOOM_ID_FIELD],
      faults: {},
      portionAnswers: 'full',
      catalogue: true,
    });
  });

  it('reads every flag', () => {
    expect(
      optionsOf([
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--token',
        'T',
        '--admin-key',
        'K',
        '--saas-id',
        'saas-1',
        '--role',
        '25:Employee',
        '--role',
        '30:Contractor',
        '--custom-field',
        'Department',
        '--custom-field',
        'Badge:string:unique',
        '--custom-field',
        'Tier:dropdown=Gold|Silver',
        '--latency-ms',
        '20',
        '--jitter-ms',
        '5',
        '--rate-limit-ratio',
        '0.1',
        '--retry-after',
        '3',
        '--error-ratio',
        '0.05',
        '--finalize-delay-ms',
        '2000',
        '--portion-answers',
        'documented',
        '--no-catalogue',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      token: 'T',
      adminKey: 'K',
      saas: { id: 'saas-1' },
      roles: [
        { id: 25, name: 'Employee' },
        { id: 30, name: 'Contractor' },
      ],
      customFields: [
        ZOOM_ID_FIELD,
        { name: 'Department' },
        { name: 'Badge', type: 'string', unique: true },
        { name: 'Tier', type: 'dropdown', values: ['Gold', 'Silver'] },
      ],
      faults: {
        latency: { fixedMs: 20, jitterMs: 5 },
        rateLimit: { ratio: 0.1, retryAfterSeconds: 3 },
        serverErrors: { ratio: 0.05 },
        slowFinalize: { delayMs: 2000 },
      },
      portionAnswers: 'documented',
      catalogue: false,
    });
  });

  it('leaves the Zoom ID field out on request', () => {
    expect(optionsOf(['--no-zoom-id-field', '--custom-field', 'Employee Number:integer:unique'])).toMatchObject({
      customFields: [{ name: 'Employee Number', type: 'integer', unique: true }],
    });
  });

  it('answers help', () => {
    expect(parse(['--help']).help).toBe(true);
  });

  const customField =
    '"<name>[:<type>][:unique]" with a type of string, integer, number, boolean, date, dropdown (dropdown as "dropdown=A|B|C")';
  it.each([
    [['--port', 'abc'], '--port takes an integer of at least 0, not "abc"'],
    [['--role', 'Employee'], '--role takes "<id>:<name>", not "Employee"'],
    [['--custom-field', 'Tier:dropdown'], `--custom-field takes ${customField}, not "Tier:dropdown"`],
    [['--custom-field', 'Mood:emoji'], `--custom-field takes ${customField}, not "Mood:emoji"`],
    [['--custom-field', ':string'], `--custom-field takes ${customField}, not ":string"`],
    [['--rate-limit-ratio', '1.5'], '--rate-limit-ratio takes a number from 0 to 1, not "1.5"'],
    [['--latency-ms=-5'], '--latency-ms takes an integer of at least 0, not "-5"'],
    [['--portion-answers', 'all'], '--portion-answers takes one of full, documented, not "all"'],
    [['--colour', 'blue'], 'unknown option --colour'],
  ])('rejects %j', (argv, message) => {
    expect(() => parse(argv)).toThrow(new CliUsageError(message));
  });
});
