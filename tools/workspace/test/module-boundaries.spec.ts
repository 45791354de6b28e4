import { lintProbes, Probe, ProbeFindings, refreshProjectGraph } from './lint-probe';

const BOUNDARIES = '@nx/enforce-module-boundaries';

const forbidden: Record<string, Probe> = {
  'a service importing a sandbox': {
    file: 'apps/scheduler/src/tier-probe.ts',
    code: "import { createZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';\nexport const probe = createZoomSandbox;\n",
  },
  "a service's test importing the local platform": {
    file: 'apps/mapper/test/tier-probe.spec.ts',
    code: "import { startService } from '@zoom-oomnitza-sync/local-platform';\nexport const probe = startService;\n",
  },
  'a product library importing a dev-kit library': {
    file: 'libs/messaging/src/tier-probe.ts',
    code: "import { markdownTable } from '@zoom-oomnitza-sync/devkit';\nexport const probe = markdownTable;\n",
  },
  'a product library reaching into the dev kit by a relative path': {
    file: 'libs/contracts/src/tier-probe.ts',
    code: "import { freePorts } from '../../../tools/test-infrastructure/src';\nexport const probe = freePorts;\n",
  },
  'a service importing another service': {
    file: 'apps/mapper/src/tier-probe.ts',
    code: "import { AppModule } from '../../scheduler/src/app.module';\nexport const probe = AppModule;\n",
  },
  'a dev-kit library importing a dev-kit tool': {
    file: 'tools/devkit/src/tier-probe.ts',
    code: "import { createOomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';\nexport const probe = createOomnitzaSandbox;\n",
  },
};

const allowed: Record<string, Probe> = {
  'a service importing product libraries': {
    file: 'apps/scheduler/src/tier-probe.ts',
    code: "import { allTopics } from '@zoom-oomnitza-sync/contracts';\nimport { OutboxService } from '@zoom-oomnitza-sync/messaging';\nexport const probe = [allTopics, OutboxService];\n",
  },
  "a service's test importing the test helpers": {
    file: 'apps/scheduler/test/tier-probe.spec.ts',
    code: "import { waitFor } from '@zoom-oomnitza-sync/testing';\nexport const probe = waitFor;\n",
  },
  'a dev-kit tool importing the product and the dev kit': {
    file: 'tools/demo/src/tier-probe.ts',
    code: "import { allTopics } from '@zoom-oomnitza-sync/contracts';\nimport { startService } from '@zoom-oomnitza-sync/local-platform';\nexport const probe = [allTopics, startService];\n",
  },
};

const shippedCodeUsingTestHelpers: Probe = {
  file: 'libs/platform/src/tier-probe.ts',
  code: "import { waitFor } from '@zoom-oomnitza-sync/testing';\nexport const probe = waitFor;\n",
};

describe('the two tiers, as lint enforces them', () => {
  let findings: Record<string, ProbeFindings[number]>;

  beforeAll(async () => {
    await refreshProjectGraph();
    const probes = { ...forbidden, ...allowed, shipped: shippedCodeUsingTestHelpers };
    const results = await lintProbes(Object.values(probes));
    findings = Object.fromEntries(Object.keys(probes).map((name, index) => [name, results[index]]));
  });

  it.each(Object.keys(forbidden))('fails %s', (name) => {
    expect(findings[name]).toEqual([expect.stringContaining(`${BOUNDARIES}: `)]);
  });

  it.each(Object.keys(allowed))('lets %s pass', (name) => {
    expect(findings[name]).toEqual([]);
  });

  it('keeps the test helpers out of shipped code', () => {
    expect(findings.shipped).toEqual([expect.stringContaining('no-restricted-imports: ')]);
  });
});
