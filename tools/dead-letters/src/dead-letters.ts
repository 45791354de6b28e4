// `npm run dead-letters -- [--integration ID] [--topic T] [--reason R] [--waiting] [--replay | --id N ...]`:
// lists what the services set aside (the scheduler keeps every dead-letter topic's records), and
// replays the chosen ones to their original topic. Talks to the scheduler's admin API.
import { markdownTable, option, readCommandLine } from '@zoom-oomnitza-sync/devkit';

const COMMAND = {
  usage: 'npm run dead-letters -- [options]',
  options: {
    url: option.string({ default: 'http://127.0.0.1:3102', help: 'the scheduler' }),
    'admin-key': option.string({ default: '', help: 'the admin API key (else ADMIN_API_KEY)' }),
    integration: option.string({ default: '', help: "only this integration's dead letters" }),
    topic: option.string({ default: '', help: 'only those of this original (Kafka) topic' }),
    reason: option.choice(['invalid-message', 'permanent-error', 'retries-exhausted', 'message-too-large'] as const, {
      help: 'only those set aside for this reason',
    }),
    waiting: option.flag({ help: 'only those never replayed' }),
    replay: option.flag({ help: "replay the integration's waiting dead letters (with --integration, optionally --topic)" }),
    id: option.repeatable({ help: 'replay this dead letter (repeatable)', valueName: 'ID' }),
  },
};

interface DeadLetter {
  id: string;
  originalTopic: string | null;
  integrationId: string | null;
  errorKind: string | null;
  error: string | null;
  messageType: string | null;
  failedAt: string | null;
  replays: number;
}

async function call<T>(url: string, adminKey: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${adminKey}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json().catch(() => ({}))) as T & { detail?: string };
  if (!response.ok) {
    throw new Error(`the scheduler answered ${response.status}: ${body.detail ?? 'no detail'}`);
  }
  return body;
}

async function main(): Promise<void> {
  const options = readCommandLine(COMMAND);
  const adminKey = options['admin-key'] || process.env.ADMIN_API_KEY || '';
  if (!adminKey) {
    throw new Error('an admin API key is needed: --admin-key KEY, or ADMIN_API_KEY in the environment');
  }
  const base = options.url.replace(/\/+$/, '');
  if (options.replay || options.id.length > 0) {
    if (options.id.length === 0 && !options.integration) {
      throw new Error('--replay needs --integration (or name dead letters with --id)');
    }
    const body =
      options.id.length > 0
        ? { ids: options.id }
        : { integrationId: options.integration, ...(options.topic ? { topic: options.topic } : {}) };
    const { replayed } = await call<{ replayed: string[] }>(`${base}/admin/dead-letters/replay`, adminKey, { method: 'POST', body });
    console.log(`dead-letters: replayed ${replayed.length}${replayed.length > 0 ? ` (${replayed.join(', ')})` : ''}`);
    return;
  }
  const query = new URLSearchParams({
    ...(options.integration ? { integrationId: options.integration } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.waiting ? { replayed: 'false' } : {}),
    limit: '500',
  });
  const { items, total } = await call<{ items: DeadLetter[]; total: number }>(`${base}/admin/dead-letters?${query}`, adminKey);
  if (items.length > 0) {
    console.log(
      markdownTable(
        ['id', 'topic', 'integration', 'type', 'reason', 'failed at', 'replays', 'error'],
        items.map((item) => [
          item.id,
          item.originalTopic ?? '-',
          item.integrationId ?? '-',
          item.messageType ?? '-',
          item.errorKind ?? '-',
          item.failedAt ?? '-',
          String(item.replays),
          (item.error ?? '').slice(0, 120),
        ]),
      ),
    );
  }
  console.log(`dead-letters: ${total} found${total > items.length ? `, ${items.length} shown` : ''}`);
}

main().catch((error: unknown) => {
  console.error(`dead-letters: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
