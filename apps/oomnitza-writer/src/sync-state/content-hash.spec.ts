import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('ignores key order and the volatile fields, but no real change', () => {
    const base = contentHash({ EMAIL: 'a@example.com', FIRST_NAME: 'Ada', CONNECTOR_SYNC_TIME: '2026-11-27T10:00:00Z' }, [
      'CONNECTOR_SYNC_TIME',
    ]);
    expect(
      contentHash({ CONNECTOR_SYNC_TIME: '2026-11-28T10:00:00Z', FIRST_NAME: 'Ada', EMAIL: 'a@example.com' }, ['CONNECTOR_SYNC_TIME']),
    ).toBe(base);
    expect(
      contentHash({ EMAIL: 'a@example.com', FIRST_NAME: 'Adah', CONNECTOR_SYNC_TIME: '2026-11-27T10:00:00Z' }, ['CONNECTOR_SYNC_TIME']),
    ).not.toBe(base);
    expect(contentHash({ EMAIL: 'a@example.com', FIRST_NAME: null })).not.toBe(contentHash({ EMAIL: 'a@example.com' }));
  });
});
