import { STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { LicenceReclamation } from '../src/reports/licence-reclamation';
import { reclamationCsvRows } from '../src/reports/reclamation-csv';
import { MappedRun } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

const NOW = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('the licence reclamation report', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_licence_reclamation');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** Users as a full sync wrote them: licensed (type 2) unless said otherwise. */
  async function synced(
    users: Array<{ n: number; type?: number; lastLogin?: string | number | null; dept?: string; status?: string }>,
  ): Promise<MappedRun> {
    const replica = bed.newReplica();
    const run = new MappedRun();
    await replica.learn(run.integrationChanged());
    const records = users.map(({ n, type = 2, lastLogin = null, dept = 'Sales', status = 'active' }) =>
      run.user(n, {
        [STANDARD_MAPPING.type]: type,
        [STANDARD_MAPPING.last_login_time]: lastLogin,
        [STANDARD_MAPPING.dept]: dept,
        [STANDARD_MAPPING.status]: status,
      }),
    );
    await replica.write(run.batch(records, { isLastBatch: true }));
    return run;
  }

  it('lists licensed users not logged in since the cutoff or never, counted by department, and no one else', async () => {
    const run = await synced([
      { n: 1, lastLogin: daysAgo(120), dept: 'Finance' },
      { n: 2, lastLogin: daysAgo(30), dept: 'Finance' },
      { n: 3, lastLogin: null, dept: 'Legal', status: 'pending' },
      { n: 4, type: 1, lastLogin: daysAgo(400) },
      { n: 5, lastLogin: daysAgo(200), status: 'inactive' },
      { n: 6, lastLogin: Math.floor(Date.parse(daysAgo(95)) / 1000), dept: 'Finance' },
    ]);
    const report = await new LicenceReclamation(bed.dataSource).report(run.tenantId, run.integrationId, 90, NOW, { limit: 100 });
    expect(report).toMatchObject({ inactiveDays: 90, cutoff: daysAgo(90), total: 3, nextAfter: null });
    expect(report.byDepartment).toEqual([
      { department: 'Finance', users: 2 },
      { department: 'Legal', users: 1 },
    ]);
    expect(report.users).toEqual([
      {
        userKey: MappedRun.emailOf(1),
        zoomUserId: MappedRun.zoomIdOf(1),
        department: 'Finance',
        status: 'active',
        lastLoginTime: daysAgo(120),
        daysInactive: 120,
      },
      {
        userKey: MappedRun.emailOf(3),
        zoomUserId: MappedRun.zoomIdOf(3),
        department: 'Legal',
        status: 'pending',
        lastLoginTime: null,
        daysInactive: null,
      },
      {
        userKey: MappedRun.emailOf(6),
        zoomUserId: MappedRun.zoomIdOf(6),
        department: 'Finance',
        status: 'active',
        lastLoginTime: daysAgo(95),
        daysInactive: 95,
      },
    ]);
  });

  it('pages through the users, and streams every one for the CSV', async () => {
    const run = await synced(Array.from({ length: 5 }, (_, index) => ({ n: index + 1, lastLogin: daysAgo(100) })));
    const reclamation = new LicenceReclamation(bed.dataSource);
    const first = await reclamation.report(run.tenantId, run.integrationId, 90, NOW, { limit: 2 });
    const second = await reclamation.report(run.tenantId, run.integrationId, 90, NOW, { limit: 2, after: first.nextAfter! });
    expect([...first.users, ...second.users].map((user) => user.userKey)).toEqual([1, 2, 3, 4].map(MappedRun.emailOf));
    const streamed = [];
    for await (const batch of reclamation.everyUser(run.tenantId, run.integrationId, 90, NOW)) {
      streamed.push(...batch);
    }
    expect(streamed).toHaveLength(5);
  });

  it('finds no integration of another tenant', async () => {
    const run = await synced([{ n: 1 }]);
    await expect(new LicenceReclamation(bed.dataSource).report('globex', run.integrationId, 90, NOW, { limit: 10 })).rejects.toMatchObject({
      problem: { status: 404 },
    });
  });

  it('writes CSV cells a spreadsheet reads as text', () => {
    expect(
      reclamationCsvRows([
        {
          userKey: 'a@x.example',
          zoomUserId: null,
          department: '=HYPERLINK("x")',
          status: 'active',
          lastLoginTime: null,
          daysInactive: null,
        },
        {
          userKey: 'b@x.example',
          zoomUserId: 'z2',
          department: 'Sales, EMEA',
          status: 'active',
          lastLoginTime: '2026-01-01T00:00:00.000Z',
          daysInactive: 180,
        },
      ]),
    ).toBe(`a@x.example,,"'=HYPERLINK(""x"")",active,,\r\nb@x.example,z2,"Sales, EMEA",active,2026-01-01T00:00:00.000Z,180\r\n`);
  });
});
