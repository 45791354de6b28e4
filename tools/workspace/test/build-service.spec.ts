import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '@zoom-oomnitza-sync/testing';
import { WORKSPACE_ROOT } from './lint-probe';

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)));
}

describe('nx build <service> (tools/workspace/build-service.js)', () => {
  let outDir: string;
  let files: string[];

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'build-service-'));
    const build = await runCommand(process.execPath, ['tools/workspace/build-service.js', 'apps/zoom-fetcher', outDir], {
      cwd: WORKSPACE_ROOT,
    });
    expect(build).toMatchObject({ code: 0 });
    files = filesUnder(outDir);
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles the service and the product libraries, without tests, test helpers or the dev kit', () => {
    const roots = new Set(files.map((file) => file.split(path.sep).slice(0, 2).join('/')));
    expect([...roots].sort()).toEqual([
      'apps/zoom-fetcher',
      'libs/contracts',
      'libs/credentials-client',
      'libs/kafka-admin',
      'libs/mapping',
      'libs/messaging',
      'libs/outbound-http',
      'libs/platform',
    ]);
    expect(files.filter((file) => file.endsWith('.spec.js'))).toEqual([]);
  });

  it('leaves no workspace alias behind: plain Node loads the service with every library it imports', async () => {
    const javascript = files.filter((file) => file.endsWith('.js'));
    expect(javascript.filter((file) => readFileSync(path.join(outDir, file), 'utf8').includes('@zoom-oomnitza-sync/'))).toEqual([]);
    const loader = path.join(outDir, 'load-app-module.js');
    writeFileSync(loader, "require('./apps/zoom-fetcher/src/app.module.js');\nconsole.log('loaded');\n");
    // As in the image, where dist/ sits beside node_modules: packages resolve, workspace aliases may not.
    const load = await runCommand(process.execPath, [loader], {
      cwd: outDir,
      env: { ...process.env, NODE_PATH: path.join(WORKSPACE_ROOT, 'node_modules') },
    });
    expect(load).toMatchObject({ code: 0, stdout: 'loaded\n' });
  });

  it('refuses a project that is not a service, saying how to call it', async () => {
    const build = await runCommand(process.execPath, ['tools/workspace/build-service.js', 'libs/contracts'], { cwd: WORKSPACE_ROOT });
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('usage: node tools/workspace/build-service.js apps/<service>');
  });
});
