import { ReadMessage, readTopic, testKafka } from '@zoom-oomnitza-sync/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { Client } from 'pg';
import { OwnerAnnouncements } from '../src/owner-announcements/owner-announcements';
import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';

interface Announcement {
  tenantId: string;
  payload: { credentialId: string; kind: string; change: string };
}

describe('credentials stored before their owners were announced', () => {
  let bed: CredentialsTestBed;
  let service: RunningCredentials | undefined;

  beforeAll(async () => {
    bed = await CredentialsTestBed.create('owner_announcements');
  });

  afterAll(async () => {
    await service?.close();
    await bed?.destroy();
  });

  const restart = async () => {
    await service?.close();
    service = await bed.start();
    return service;
  };
  const announcementsOf = (messages: readonly ReadMessage[], ids: string[]) =>
    messages.map((message) => message.json<Announcement>()).filter((announcement) => ids.includes(announcement.payload.credentialId));

  it('are announced once each at the next start, with their tenant, and never again', async () => {
    const first = await restart();
    const acmeKey = await bed.issueKey(first, 'acme');
    const globexKey = await bed.issueKey(first, 'globex');
    const zoom = await first
      .http()
      .post('/zoom-credentials')
      .set('Authorization', `Bearer ${acmeKey}`)
      .send({ name: 'Acme Zoom', accountId: 'acct1', clientId: 'client1', clientSecret: 'zoom-client-secret-0123456789' })
      .expect(201);
    const oomnitza = await first
      .http()
      .post('/oomnitza-credentials')
      .set('Authorization', `Bearer ${globexKey}`)
      .send({ name: 'Globex Oomnitza', baseUrl: 'https://globex.oomnitza.com', apiToken: 'oomnitza-token-0123456789' })
      .expect(201);
    const ids = [zoom.body.id as string, oomnitza.body.id as string];
    // As the migration leaves the credentials stored before it.
    await bed.schema.query('UPDATE zoom_credentials SET owner_announced = false WHERE id = $1', [ids[0]]);
    await bed.schema.query('UPDATE oomnitza_credentials SET owner_announced = false WHERE id = $1', [ids[1]]);

    await restart();
    const announced = (read: readonly ReadMessage[]) => announcementsOf(read, ids).filter((a) => a.payload.change === 'updated');
    // Keyed by credential, the two may sit on different partitions: read back in either order.
    const read = announced(await readTopic(bed.changesTopic, { until: (messages) => announced(messages).length >= 2 }));
    expect(read.sort((a, b) => ids.indexOf(a.payload.credentialId) - ids.indexOf(b.payload.credentialId))).toEqual([
      expect.objectContaining({ tenantId: 'acme', payload: { credentialId: ids[0], kind: 'zoom', change: 'updated' } }),
      expect.objectContaining({ tenantId: 'globex', payload: { credentialId: ids[1], kind: 'oomnitza', change: 'updated' } }),
    ]);
    const marked = await bed.schema.query<{ owner_announced: boolean }>(
      'SELECT owner_announced FROM zoom_credentials WHERE id = $1 UNION ALL SELECT owner_announced FROM oomnitza_credentials WHERE id = $2',
      ids,
    );
    expect(marked).toEqual([{ owner_announced: true }, { owner_announced: true }]);

    await restart();
    const outboxRows = await bed.schema.query<{ count: string }>(
      `SELECT count(*) FROM outbox WHERE payload->'payload'->>'change' = 'updated' AND payload->'payload'->>'credentialId' = ANY($1)`,
      [ids],
    );
    expect(Number(outboxRows[0].count)).toBe(2);
  });

  it('are announced even when another startup task holds the row at that moment', async () => {
    const running = await restart();
    const key = await bed.issueKey(running, 'initech');
    const created = await running
      .http()
      .post('/zoom-credentials')
      .set('Authorization', `Bearer ${key}`)
      .send({ name: 'Initech Zoom', accountId: 'acct2', clientId: 'client2', clientSecret: 'zoom-client-secret-9876543210' })
      .expect(201);
    const id = created.body.id as string;
    await bed.schema.query('UPDATE zoom_credentials SET owner_announced = false WHERE id = $1', [id]);

    // As StoredSecretsMaintenance does while it re-encrypts that credential.
    const holder = new Client({ connectionString: bed.schema.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM "${bed.schema.schema}".zoom_credentials WHERE id = $1 FOR UPDATE`, [id]);
      const announcing = running.app.get(OwnerAnnouncements).run();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('COMMIT');
      expect(await announcing).toBe(1);
    } finally {
      await holder.end();
    }
    const [row] = await bed.schema.query<{ owner_announced: boolean }>('SELECT owner_announced FROM zoom_credentials WHERE id = $1', [id]);
    expect(row.owner_announced).toBe(true);
  });

  it('are kept on a compacted topic, so whose each credential is outlives any retention', async () => {
    const admin = testKafka('owner-announcements').admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.TOPIC, name: bed.changesTopic, configNames: ['cleanup.policy'] }],
        includeSynonyms: false,
      });
      expect(described.resources[0].configEntries).toEqual([
        expect.objectContaining({ configName: 'cleanup.policy', configValue: 'compact' }),
      ]);
    } finally {
      await admin.disconnect();
    }
  });
});
