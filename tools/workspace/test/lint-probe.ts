import { spawn } from 'node:child_process';
import path from 'node:path';
import { runCommand } from '@zoom-oomnitza-sync/testing';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

/** A file that does not exist, linted as if it sat at `file` (relative to the workspace root). */
export interface Probe {
  file: string;
  code: string;
}

/** The rule id and message of every problem ESLint finds, per probe. */
export type ProbeFindings = string[][];

// ESLint's API in a plain Node process: its flat config loads through dynamic import(), which jest's sandbox lacks.
const LINT_PROBES = `
const { ESLint } = require('eslint');
const path = require('node:path');
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const findings = [];
  for (const probe of JSON.parse(input)) {
    const [result] = await eslint.lintText(probe.code, { filePath: path.join(process.cwd(), probe.file) });
    findings.push(result.messages.map((message) => message.ruleId + ': ' + message.message));
  }
  process.stdout.write(JSON.stringify(findings));
});
`;

/** The module-boundary rule reads nx's cached project graph; this makes sure there is a current one. */
export async function refreshProjectGraph(): Promise<void> {
  const nx = await runCommand(process.execPath, [require.resolve('nx/bin/nx', { paths: [WORKSPACE_ROOT] }), 'show', 'projects'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (nx.code !== 0) {
    throw new Error(`nx could not compute the project graph:\n${nx.stderr}`);
  }
}

export function lintProbes(probes: readonly Probe[]): Promise<ProbeFindings> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LINT_PROBES], { cwd: WORKSPACE_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) {
        resolve(JSON.parse(stdout) as ProbeFindings);
      } else {
        reject(new Error(`linting the probes failed (${code}):\n${stderr}`));
      }
    });
    child.stdin.end(JSON.stringify(probes));
  });
}
