import { defineMessage } from '@zoom-oomnitza-sync/contracts';
import { IsString } from 'class-validator';
import { KafkaMessage } from 'kafkajs';
import { decodeHeaders, decodeMessage } from './message-decoder';

class NotePayload {
  @IsString()
  text: string;
}

const Note = defineMessage({ topic: 'sample.note.v1', type: 'sample.note', version: 1, value: NotePayload });

function recordOf(value: string | null): KafkaMessage {
  return { key: null, value: value === null ? null : Buffer.from(value), offset: '0', timestamp: '0', attributes: 0, headers: {} };
}

const validEnvelope = {
  messageId: '0b3c8a4e-6f0e-4a51-9d0c-1f7f2f9f7d11',
  type: 'sample.note',
  version: 1,
  tenantId: 't',
  integrationId: 'i',
  occurredAt: '2025-03-04T10:05:00.000Z',
  observedAt: '2025-03-04T10:05:00.000Z',
  payload: { text: 'hello' },
};

describe('decodeMessage', () => {
  it('returns the checked envelope of a valid record', async () => {
    const result = await decodeMessage(Note, recordOf(JSON.stringify(validEnvelope)));
    expect(result.valid && result.message.envelope.payload.text).toBe('hello');
  });

  it('rejects a record without a value', async () => {
    expect(await decodeMessage(Note, recordOf(null))).toEqual({ valid: false, problems: ['message has no value'] });
  });

  it('rejects a value that is not JSON', async () => {
    expect(await decodeMessage(Note, recordOf('{not json'))).toEqual({ valid: false, problems: ['value is not valid JSON'] });
  });

  it('names each field that fails validation, and a wrong version', async () => {
    const result = await decodeMessage(Note, recordOf(JSON.stringify({ ...validEnvelope, version: 2, payload: { text: 7 } })));
    expect(result.valid).toBe(false);
    const problems = result.valid ? [] : result.problems;
    expect(problems).toEqual(expect.arrayContaining(['version: expected 1, got 2', expect.stringMatching(/^payload\.text: /)]));
  });
});

describe('decodeHeaders', () => {
  it('turns buffers into strings and skips absent values', () => {
    expect(decodeHeaders({ a: Buffer.from('1'), b: 'two', c: undefined, d: [Buffer.from('x'), Buffer.from('y')] })).toEqual({
      a: '1',
      b: 'two',
      d: 'y',
    });
  });
});
