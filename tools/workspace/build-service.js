#!/usr/bin/env node
// `nx build <service>`: compiles apps/<service>/src and the product libraries into
// dist/apps/<service> (or the given directory) with SWC (.swcrc), turning the workspace path aliases of
// tsconfig.base.json, their one source, into relative requires so plain Node runs the output.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const [projectRoot, outDir = path.join('dist', projectRoot ?? '')] = process.argv.slice(2);
if (!projectRoot || !fs.existsSync(path.join(root, projectRoot, 'src/main.ts'))) {
  console.error('usage: node tools/workspace/build-service.js apps/<service> [out-dir (default dist/apps/<service>)]');
  process.exit(2);
}

const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const tagsOf = (libraryRoot) => JSON.parse(fs.readFileSync(path.join(root, libraryRoot, 'project.json'), 'utf8')).tags ?? [];
// Product libraries only: the dev kit never ships, nor do helpers meant for tests.
const productLibraries = Object.values(compilerOptions.paths)
  .map(([entry]) => path.dirname(path.dirname(entry)))
  .filter((libraryRoot) => tagsOf(libraryRoot).includes('scope:product') && !tagsOf(libraryRoot).includes('usage:test'));

// .swcrc holds the compiler settings; the aliases are added here, never written down twice.
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-service-'));
const configFile = path.join(configDir, '.swcrc');
fs.writeFileSync(configFile, JSON.stringify({ ...swcrc, jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths } }));

fs.rmSync(path.resolve(root, outDir), { recursive: true, force: true });
try {
  execFileSync(
    require.resolve('@swc/cli/bin/swc.js', { paths: [root] }),
    [
      path.join(projectRoot, 'src'),
      ...productLibraries.map((libraryRoot) => path.join(libraryRoot, 'src')),
      '--out-dir',
      outDir,
      '--config-file',
      configFile,
      '--ignore',
      '**/*.spec.ts',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
} finally {
  fs.rmSync(configDir, { recursive: true, force: true });
}
console.log(`built ${projectRoot} into ${outDir} (with ${productLibraries.join(', ')})`);
