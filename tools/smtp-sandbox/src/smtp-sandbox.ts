import { Router } from '@zoom-oomnitza-sync/devkit';
import { AddressObject, simpleParser } from 'mailparser';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it: the envelope, and the parsed headers and bodies. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface SmtpSandboxOptions {
  smtpPort?: number;
  httpPort?: number;
}

export interface SmtpSandbox {
  /** `smtp://127.0.0.1:<port>`: plain SMTP, no authentication, as a relay on a private network. */
  readonly smtpUrl: string;
  /** GET /messages, DELETE /messages, POST /faults {"rejectNext": n}. */
  readonly httpUrl: string;
  messages(): ReceivedMail[];
  /** The next `count` messages are refused with 451 (a temporary failure: the sender should retry). */
  rejectNext(count: number): void;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export async function createSmtpSandbox(options: SmtpSandboxOptions = {}): Promise<SmtpSandbox> {
  const received: ReceivedMail[] = [];
  let refusalsLeft = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      if (refusalsLeft > 0) {
        refusalsLeft -= 1;
        stream.resume();
        const refusal = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
        stream.on('end', () => callback(refusal));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: mail.from?.text ?? '',
            to: addressesOf(mail.to),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            receivedAt: new Date().toISOString(),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, '127.0.0.1', () => resolve());
  });

  const routes = new Router<Handler>()
    .add('GET', '/messages', (_request, response) => json(response, 200, received))
    .add('DELETE', '/messages', (_request, response) => {
      received.length = 0;
      response.writeHead(204).end();
    })
    .add('POST', '/faults', async (request, response) => {
      const body = JSON.parse((await readBody(request)) || '{}') as { rejectNext?: unknown };
      if (!Number.isInteger(body.rejectNext) || (body.rejectNext as number) < 0) {
        return json(response, 400, { error: 'rejectNext must be a whole number' });
      }
      refusalsLeft = body.rejectNext as number;
      json(response, 200, { rejectNext: refusalsLeft });
    });
  const http: Server = createServer((request, response) => {
    const resolution = routes.resolve(request.method ?? 'GET', new URL(request.url ?? '/', 'http://sandbox').pathname);
    if (resolution.kind !== 'found') {
      return json(response, resolution.kind === 'not-found' ? 404 : 405, { error: resolution.kind });
    }
    Promise.resolve(resolution.handler(request, response)).catch((error: unknown) => json(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => http.listen(options.httpPort ?? 0, '127.0.0.1', resolve));

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    messages: () => [...received],
    rejectNext: (count) => (refusalsLeft = count),
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return groups.flatMap((group) => group.value.map((address) => address.address ?? ''));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
