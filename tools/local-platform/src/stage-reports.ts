import { MessageDefinition } from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope, buildHeaders } from '@zoom-oomnitza-sync/messaging';
import { testKafka } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';

/**
 * Sends messages as another service would (a stage reporting on a run), envelope and headers
 * included, so one service can be tested alone against the contract.
 */
export async function sendAs<T extends object>(
  topic: string,
  definition: MessageDefinition<T>,
  input: { tenantId: string; integrationId: string; runId?: string },
  payloads: T[],
): Promise<void> {
  const producer = testKafka('stage-reports').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: payloads.map((payload) => {
        const envelope = buildEnvelope(definition, { ...input, payload }, randomUUID(), new Date());
        return { key: input.integrationId, value: JSON.stringify(envelope), headers: buildHeaders(envelope, randomUUID()) };
      }),
    });
  } finally {
    await producer.disconnect();
  }
}
