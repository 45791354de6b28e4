import { createServer, Server } from 'node:http';
import { containerRuntimeAnswers } from './container-runtime';
import { freePorts } from './free-port';

describe('containerRuntimeAnswers', () => {
  const dockerHostBefore = process.env.DOCKER_HOST;
  let server: Server | undefined;

  afterEach(async () => {
    process.env.DOCKER_HOST = dockerHostBefore;
    if (dockerHostBefore === undefined) {
      delete process.env.DOCKER_HOST;
    }
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('is true when the engine at DOCKER_HOST answers its ping', async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === '/_ping' ? 200 : 404;
      response.end('OK');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    expect(await containerRuntimeAnswers()).toBe(true);
  });

  it('is false when nothing listens at DOCKER_HOST', async () => {
    const [closedPort] = await freePorts(1);
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${closedPort}`;
    expect(await containerRuntimeAnswers()).toBe(false);
  });

  it('is false when the engine answers with an error', async () => {
    server = createServer((_request, response) => {
      response.statusCode = 500;
      response.end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    expect(await containerRuntimeAnswers()).toBe(false);
  });
});
