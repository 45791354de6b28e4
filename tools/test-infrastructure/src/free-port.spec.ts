import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { freePorts, freePortsOutsideEphemeralRange } from './free-port';

describe('freePorts', () => {
  it('hands out distinct ports that can be listened on', async () => {
    const ports = await freePorts(3);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('hands out ports below the ephemeral range on request: no client connection can ever take one, so a server restarts on it', async () => {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await freePortsOutsideEphemeralRange(3);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect(port).toBeLessThan(ephemeralLow);
      expect(port).toBeGreaterThanOrEqual(1024);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('never hands out a port fetch() refuses to connect to (the Fetch standard\'s "bad ports", such as 6667)', async () => {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    // The first draws land on 6667 and 5060; the next on whatever is free.
    const draws = [6667, 5060].map((port) => (port - 1024) / (ephemeralLow - 1024));
    const ports = await freePortsOutsideEphemeralRange(2, () => draws.shift() ?? Math.random());
    expect(ports).not.toContain(6667);
    expect(ports).not.toContain(5060);
    const refusal = (await fetch('http://127.0.0.1:6667/').catch((error: unknown) => error)) as Error & { cause?: Error };
    expect(refusal.cause?.message).toBe('bad port');
  });
});
