import { option } from '@zoom-oomnitza-sync/devkit';

export const DEMO_COMMAND = {
  usage: 'npm run demo -- [options]',
  options: {
    users: option.integer({ min: 1, max: 1_000_000, default: 1000, help: 'users in the Zoom sandbox, each synced twice' }),
    keep: option.flag({
      help: "keep everything running at the end and print each service's /docs URL, the keys and the sandboxes' addresses",
    }),
  },
};
