import { ConfigService } from '@nestjs/config';
import { RateLimitedProblem } from '@zoom-oomnitza-sync/platform';
import { TenantTestSlots } from './tenant-test-slots';

/** A connection test that runs until the test lets it finish. */
function heldTest() {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve('ok')));
  return { run: () => done, finish };
}

describe('TenantTestSlots', () => {
  const slots = () => new TenantTestSlots(new ConfigService({ CONNECTION_TESTS_PER_TENANT: 2 }));

  it("refuses a tenant's test beyond the limit at once with 429 and Retry-After, and lets others' run", async () => {
    const limited = slots();
    const [first, second] = [heldTest(), heldTest()];
    const running = [limited.run('acme', first.run), limited.run('acme', second.run)];

    const refused = await limited.run('acme', async () => 'never').catch((error: unknown) => error);
    const otherTenant = await limited.run('globex', async () => 'globex ok');

    expect(refused).toBeInstanceOf(RateLimitedProblem);
    expect((refused as RateLimitedProblem).problem).toMatchObject({ status: 429, headers: { 'Retry-After': '1' } });
    expect(otherTenant).toBe('globex ok');
    first.finish();
    second.finish();
    expect(await Promise.all(running)).toEqual(['ok', 'ok']);
  });

  it('frees a slot when a test ends, however it ends', async () => {
    const limited = slots();
    await limited.run('acme', async () => Promise.reject(new Error('Zoom did not answer'))).catch(() => undefined);
    const held = heldTest();
    const running = limited.run('acme', held.run);

    expect(await limited.run('acme', async () => 'second slot')).toBe('second slot');
    held.finish();
    expect(await running).toBe('ok');
  });
});
