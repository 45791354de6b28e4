import { existsSync } from 'node:fs';
import { request } from 'node:http';

const PROBE_TIMEOUT_MS = 2000;
const DEFAULT_SOCKET = '/var/run/docker.sock';

type DockerEndpoint = { socketPath: string } | { host: string; port: number };

function endpointFromEnvironment(): DockerEndpoint | undefined {
  const dockerHost = process.env.DOCKER_HOST;
  if (dockerHost) {
    const url = new URL(dockerHost);
    if (url.protocol === 'unix:') {
      return { socketPath: url.pathname };
    }
    if (url.protocol === 'tcp:' || url.protocol === 'http:') {
      return { host: url.hostname, port: Number(url.port || 2375) };
    }
    return undefined;
  }
  return existsSync(DEFAULT_SOCKET) ? { socketPath: DEFAULT_SOCKET } : undefined;
}

/**
 * Whether a Docker-compatible engine answers its ping within two seconds. Checked directly instead
 * of through testcontainers, whose own discovery can wait much longer on machines without one.
 */
export function containerRuntimeAnswers(): Promise<boolean> {
  const endpoint = endpointFromEnvironment();
  if (!endpoint) {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const ping = request({ ...endpoint, path: '/_ping', method: 'GET', timeout: PROBE_TIMEOUT_MS }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    ping.on('timeout', () => ping.destroy());
    ping.on('error', () => resolve(false));
    ping.end();
  });
}
