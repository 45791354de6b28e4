export interface DemoOptions {
  users: number;
  keep: boolean;
}

export const DEMO_USAGE = 'usage: npm run demo -- [--users N] [--keep]';

export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = { users: 1000, keep: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--keep') {
      options.keep = true;
    } else if (flag === '--users') {
      const users = Number(argv[++index]);
      if (!Number.isInteger(users) || users < 1 || users > 1_000_000) throw new Error(`--users takes a whole number from 1 to 1000000\n${DEMO_USAGE}`);
      options.users = users;
    } else {
      throw new Error(`unknown option ${flag}\n${DEMO_USAGE}`);
    }
  }
  return options;
}
