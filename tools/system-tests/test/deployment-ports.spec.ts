import { PlatformDeployment } from '@zoom-oomnitza-sync/local-platform';
import { readFileSync } from 'node:fs';

/** Where Linux hands out the ports of listen(0) and of outgoing connections. */
const ephemeralRangeStart = () => Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);

describe("a deployment's fixed ports", () => {
  let deployment: PlatformDeployment | undefined;

  afterAll(() => deployment?.destroy());

  it("keeps the credentials service's ports, chosen before the other services start, out of the range their own ports come from", async () => {
    deployment = await PlatformDeployment.create('deployment_ports');
    const credentials = await deployment.start('credentials');

    const ports = [credentials.baseUrl, deployment.credentialsInternalUrl].map((url) => Number(new URL(url).port));

    // A service started in between takes a port of that range (listen(0)): a fixed port in it could be taken first.
    for (const port of ports) {
      expect(port).toBeLessThan(ephemeralRangeStart());
    }
  });
});
