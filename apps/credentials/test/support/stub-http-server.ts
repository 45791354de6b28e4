import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (request: RecordedRequest, response: ServerResponse) => void;

/** A local HTTP server answering as the test says, recording every request (for unit tests of HTTP clients). */
export class StubHttpServer {
  readonly requests: RecordedRequest[] = [];
  private handler: StubHandler = (_request, response) => response.writeHead(500).end();

  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const recorded = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      this.requests.push(recorded);
      this.handler(recorded, response);
    });
  });

  private constructor() {}

  static async start(): Promise<StubHttpServer> {
    const stub = new StubHttpServer();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(handler: StubHandler): void {
    this.handler = handler;
  }

  answerJson(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.answer((_request, response) =>
      response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body)),
    );
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
