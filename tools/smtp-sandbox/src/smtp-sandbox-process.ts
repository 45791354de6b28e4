import { startProcess } from '@zoom-oomnitza-sync/testing';
import path from 'node:path';
import { ReceivedMail } from './smtp-sandbox';

const WORKSPACE = path.resolve(__dirname, '../../..');

/** The SMTP sandbox as its own process, and its HTTP side as the tests read it. */
export interface SmtpSandboxProcess {
  readonly smtpUrl: string;
  readonly httpUrl: string;
  messages(): Promise<ReceivedMail[]>;
  clear(): Promise<void>;
  rejectNext(count: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpSandboxProcess(): Promise<SmtpSandboxProcess> {
  const child = startProcess(process.execPath, ['-r', '@swc-node/register', 'tools/smtp-sandbox/src/cli.ts'], {
    cwd: WORKSPACE,
    env: { ...process.env },
  });
  const line = await child.waitForLine(/^smtp-sandbox listening /, 30_000).catch(async (error: unknown) => {
    await child.stop();
    throw error;
  });
  const smtpUrl = /smtp=(\S+)/.exec(line)![1];
  const httpUrl = /http=(\S+)/.exec(line)![1];
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${httpUrl}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`smtp-sandbox ${method} ${route} answered ${response.status}`);
    }
    return response;
  };
  return {
    smtpUrl,
    httpUrl,
    messages: async () => (await (await call('GET', '/messages')).json()) as ReceivedMail[],
    clear: async () => void (await call('DELETE', '/messages')),
    rejectNext: async (count) => void (await call('POST', '/faults', { rejectNext: count })),
    stop: async () => void (await child.stop()),
  };
}
