import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** Runs test/support/main.ts (a service's main.ts calling bootstrapService) as its own process. */
export class ChildService {
  readonly lines: Array<Record<string, unknown>> = [];
  private readonly process: ChildProcess;
  private readonly exited: Promise<number | null>;
  private readonly waiters: Array<() => void> = [];
  private pending = '';

  constructor(env: Record<string, string>) {
    this.process = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'main.ts')], {
      cwd: WORKSPACE,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.collect(chunk));
    this.process.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.collect(chunk));
    // 'close' rather than 'exit': it comes after the last output was read.
    this.exited = new Promise((resolve) => this.process.once('close', (code) => resolve(code)));
  }

  /** Resolves with the first log line the predicate accepts, or rejects once the process has exited without one. */
  async waitForLine(accepts: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.lines.find(accepts);
      if (found) return found;
      const exitedFirst = await Promise.race([
        new Promise<false>((resolve) => this.waiters.push(() => resolve(false))),
        this.exited.then(() => true),
      ]);
      if (exitedFirst && !this.lines.some(accepts)) throw new Error(`process exited without the expected line:\n${JSON.stringify(this.lines)}`);
    }
  }

  stop(signal: NodeJS.Signals): Promise<number | null> {
    this.process.kill(signal);
    return this.exited;
  }

  exitCode(): Promise<number | null> {
    return this.exited;
  }

  /** For cleanup after a failed test: ends the process if it still runs. */
  async kill(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    await this.exited;
  }

  private collect(chunk: string): void {
    this.pending += chunk;
    const complete = this.pending.split('\n');
    this.pending = complete.pop() ?? '';
    for (const text of complete.filter((line) => line.trim())) {
      try {
        this.lines.push(JSON.parse(text));
      } catch {
        this.lines.push({ unstructured: text });
      }
    }
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
