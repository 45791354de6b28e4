import { spawn } from 'node:child_process';

export interface StartProcessOptions {
  cwd?: string;
  /** The whole environment, as for spawn (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** 'inherit' shows the process's stderr on ours instead of collecting it (default 'collect'). */
  stderr?: 'collect' | 'inherit';
}

export type LineMatcher = RegExp | ((line: string) => boolean);

/** A process started in the background whose output is collected as it comes. */
export interface StartedProcess {
  readonly pid: number | undefined;
  /** Resolves with the exit code (null after a signal) once the process has ended and its output is read. */
  readonly exited: Promise<number | null>;
  /** Everything collected so far from stdout and stderr as it arrived, or from one of them. */
  output(stream?: 'stdout' | 'stderr'): string;
  /** The complete lines collected so far, from both streams, in the order they arrived. */
  lines(): readonly string[];
  /**
   * Resolves with the first line, collected already or to come, that `match` accepts; rejects with
   * the output when the process ends without one or `timeoutMs` passes first.
   */
  waitForLine(match: LineMatcher, timeoutMs?: number): Promise<string>;
  /**
   * Sends `signal` unless the process has ended, and resolves with the exit code; with
   * `killAfterMs`, a process still running that much later is killed (SIGKILL) instead.
   */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
  /** Ends the process as a crash would (SIGKILL): no shutdown hooks, nothing flushed. */
  kill(): Promise<number | null>;
}

const DEFAULT_WAIT_MS = 30_000;

export function startProcess(command: string, args: readonly string[], options: StartProcessOptions = {}): StartedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', options.stderr === 'inherit' ? 'inherit' : 'pipe'],
  });
  const commandLine = [command, ...args].join(' ');
  // Chunks rather than three growing strings: a service may log for as long as a benchmark runs.
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const output = (stream?: 'stdout' | 'stderr') =>
    chunks
      .filter((chunk) => stream === undefined || chunk.stream === stream)
      .map((chunk) => chunk.text)
      .join('');
  const lines: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  const addLine = (line: string) => {
    lines.push(line);
    lineListeners.forEach((listener) => listener(line));
  };
  const collect = (stream: 'stdout' | 'stderr') => {
    let partial = '';
    child[stream]?.setEncoding('utf8').on('data', (chunk: string) => {
      chunks.push({ stream, text: chunk });
      const complete = (partial + chunk).split('\n');
      partial = complete.pop() ?? '';
      complete.forEach(addLine);
    });
    // A last line without a newline is a line all the same.
    child[stream]?.once('end', () => {
      if (partial !== '') {
        addLine(partial);
      }
    });
  };
  collect('stdout');
  collect('stderr');
  // 'close' rather than 'exit': it comes after the last output was read. A process that could not
  // start at all ('error', e.g. ENOENT) ends with it too.
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => resolve(code));
    child.once('error', (error) => {
      chunks.push({ stream: 'stderr', text: `${error.message}\n` });
      resolve(null);
    });
  });

  const waitForLine = (match: LineMatcher, timeoutMs = DEFAULT_WAIT_MS): Promise<string> => {
    const accepts = typeof match === 'function' ? match : (line: string) => match.test(line);
    const found = lines.find(accepts);
    if (found !== undefined) {
      return Promise.resolve(found);
    }
    const wanted = typeof match === 'function' ? 'the expected line' : `a line matching ${match}`;
    return new Promise<string>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        lineListeners.delete(listener);
        settle();
      };
      const listener = (line: string) => {
        if (accepts(line)) {
          finish(() => resolve(line));
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`${commandLine} did not print ${wanted} within ${timeoutMs} ms:\n${output()}`))),
        timeoutMs,
      );
      lineListeners.add(listener);
      void exited.then((code) =>
        finish(() => reject(new Error(`${commandLine} exited with ${code} before it printed ${wanted}:\n${output()}`))),
      );
    });
  };

  const stop = (signal: NodeJS.Signals = 'SIGTERM', killAfterMs?: number): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      if (killAfterMs !== undefined && signal !== 'SIGKILL') {
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        void exited.then(() => clearTimeout(timer));
      }
    }
    return exited;
  };

  return {
    pid: child.pid,
    exited,
    output,
    lines: () => lines,
    waitForLine,
    stop,
    kill: () => stop('SIGKILL'),
  };
}
