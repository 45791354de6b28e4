import { ClaimedRow, groupByTopic, sendChunks, toOutgoing } from './outbox-batches';

const row = (id: number, topic: string, size = 10): ClaimedRow => ({
  id: String(id),
  topic,
  message_key: `integration-${id % 2}`,
  headers: { 'x-message-type': 't' },
  payload: JSON.stringify({ id, filler: 'x'.repeat(size) }),
  created_at: new Date(0),
});

describe('outbox batches', () => {
  it('groups by topic keeping outbox order within each topic', () => {
    const grouped = groupByTopic([row(1, 'a'), row(2, 'b'), row(3, 'a'), row(4, 'b')].map(toOutgoing));
    expect(grouped.map(({ topic, messages }) => [topic, messages.map((m) => JSON.parse(String(m.value)).id)])).toEqual([
      ['a', [1, 3]],
      ['b', [2, 4]],
    ]);
  });

  it('sends the key, headers and the envelope as JSON', () => {
    const { message } = toOutgoing(row(7, 'a'));
    expect(message).toEqual({ key: 'integration-1', headers: { 'x-message-type': 't' }, value: row(7, 'a').payload });
  });

  it('splits large claims into requests of at most 4 MiB, in order', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i, 'a', 1024 * 1024));
    const chunks = [...sendChunks(rows.map(toOutgoing))];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.reduce((sum, item) => sum + item.bytes, 0)).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    expect(chunks.flat().map((item) => item.message.value)).toEqual(rows.map((r) => r.payload));
  });

  it("keeps each topic's share of a send within one record batch's worth, since it may all go to one partition", () => {
    const rows = [...Array.from({ length: 6 }, (_, i) => row(i, 'pages', 300_000)), row(6, 'small', 10), row(7, 'pages', 300_000)];
    const chunks = [...sendChunks(rows.map(toOutgoing))];
    for (const chunk of chunks) {
      const pages = chunk.filter((item) => item.topic === 'pages');
      expect(pages.reduce((sum, item) => sum + item.bytes, 0)).toBeLessThanOrEqual(1_000_000);
    }
    expect(chunks.flat().map((item) => JSON.parse(String(item.message.value)).id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('counts the key and the headers in a message’s bytes', () => {
    const outgoing = toOutgoing(row(1, 'a', 10));
    expect(outgoing.bytes).toBe(row(1, 'a', 10).payload.length + 'integration-1'.length + 'x-message-type'.length + 1);
  });
});
