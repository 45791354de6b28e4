import { defineMessage, MessageHeaders, parseMessage } from '@zoom-oomnitza-sync/contracts';
import { IsInt, IsString } from 'class-validator';
import { buildEnvelope, buildHeaders } from './envelope';

class SamplePayload {
  @IsString()
  name: string;

  @IsInt()
  count: number;
}

const Sample = defineMessage({ topic: 'sample.thing.v2', type: 'sample.thing', version: 2, value: SamplePayload });
const MESSAGE_ID = '0b3c8a4e-6f0e-4a51-9d0c-1f7f2f9f7d11';
const NOW = new Date('2025-03-04T10:05:00.000Z');

describe('buildEnvelope', () => {
  it('takes type and version from the definition and stamps occurredAt with now', () => {
    const envelope = buildEnvelope(Sample, { tenantId: 't1', integrationId: 'i1', payload: { name: 'a', count: 1 } }, MESSAGE_ID, NOW);
    expect(envelope).toEqual({
      messageId: MESSAGE_ID,
      type: 'sample.thing',
      version: 2,
      tenantId: 't1',
      integrationId: 'i1',
      occurredAt: '2025-03-04T10:05:00.000Z',
      observedAt: '2025-03-04T10:05:00.000Z',
      payload: { name: 'a', count: 1 },
    });
    expect(envelope).not.toHaveProperty('runId');
  });

  it('keeps the time the data was observed, given as a Date or a string', () => {
    const observedAt = new Date('2025-03-04T10:00:00.000Z');
    const fromDate = buildEnvelope(
      Sample,
      { tenantId: 't', integrationId: 'i', observedAt, payload: { name: 'a', count: 1 } },
      MESSAGE_ID,
      NOW,
    );
    const fromString = buildEnvelope(
      Sample,
      { tenantId: 't', integrationId: 'i', observedAt: '2025-03-04T10:00:00.000Z', payload: { name: 'a', count: 1 } },
      MESSAGE_ID,
      NOW,
    );
    expect(fromDate.observedAt).toBe('2025-03-04T10:00:00.000Z');
    expect(fromString.observedAt).toBe('2025-03-04T10:00:00.000Z');
  });

  it('carries the run id when there is one', () => {
    const envelope = buildEnvelope(
      Sample,
      { tenantId: 't', integrationId: 'i', runId: 'run-7', payload: { name: 'a', count: 1 } },
      MESSAGE_ID,
      NOW,
    );
    expect(envelope.runId).toBe('run-7');
  });

  it('produces what consumers accept after a trip through JSON', async () => {
    const envelope = buildEnvelope(Sample, { tenantId: 't', integrationId: 'i', payload: { name: 'a', count: 3 } }, MESSAGE_ID, NOW);
    const parsed = await parseMessage(Sample, JSON.parse(JSON.stringify(envelope)));
    expect(parsed.payload).toEqual({ name: 'a', count: 3 });
  });
});

describe('buildHeaders', () => {
  it('names the correlation id, type and version', () => {
    expect(buildHeaders({ type: 'sample.thing', version: 2 }, 'corr-1')).toEqual({
      [MessageHeaders.correlationId]: 'corr-1',
      [MessageHeaders.messageType]: 'sample.thing',
      [MessageHeaders.messageVersion]: '2',
    });
  });
});
