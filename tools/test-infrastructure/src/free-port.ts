import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Where the system takes the local ports of outgoing connections (Linux; its default elsewhere). */
function ephemeralRangeStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32768;
  }
}

const LOWEST_UNPRIVILEGED_PORT = 1024;

/**
 * Unprivileged ports fetch() refuses to connect to ("bad port", the Fetch standard's port
 * blocking): a service given one could never be reached by a test's HTTP client.
 */
const FETCH_BLOCKED_PORTS = new Set([
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Distinct ports that were free a moment ago. All are held open together while choosing, so the
 * operating system never hands out the same one twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      servers.push(await listenOn(0));
    }
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        throw new Error('A TCP server did not report its port');
      }
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/**
 * Free ports below the ephemeral range, for a server that is killed and started again on the same
 * port (the chaos run's broker). While it is down, a client that keeps reconnecting to a port of
 * the ephemeral range may be given that very port as its own local port and connect to itself,
 * holding the port so the server cannot listen on it again; below the range that cannot happen.
 * `random` draws where to try next (tests choose it).
 */
export async function freePortsOutsideEphemeralRange(count: number, random: () => number = Math.random): Promise<number[]> {
  const high = ephemeralRangeStart();
  const servers: Server[] = [];
  try {
    while (servers.length < count) {
      const port = LOWEST_UNPRIVILEGED_PORT + Math.floor(random() * (high - LOWEST_UNPRIVILEGED_PORT));
      if (FETCH_BLOCKED_PORTS.has(port)) {
        continue;
      }
      const server = await listenOn(port).catch(() => undefined);
      if (server) {
        servers.push(server);
      }
    }
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
