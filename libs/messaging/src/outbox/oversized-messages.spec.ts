import { DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { toOutgoing } from './outbox-batches';
import { isMessageTooLarge, sendOrSetAside, setAsideNotice } from './oversized-messages';

const tooLarge = () =>
  Object.assign(new Error('The request included a message larger than the max message size'), { type: 'MESSAGE_TOO_LARGE' });

describe('messages the broker refuses as too large', () => {
  it('are recognised however kafkajs wraps the refusal', () => {
    expect(isMessageTooLarge(tooLarge())).toBe(true);
    expect(isMessageTooLarge(Object.assign(new Error('not retriable'), { cause: tooLarge() }))).toBe(true);
    expect(isMessageTooLarge(Object.assign(new Error('aggregate'), { errors: [new Error('other'), tooLarge()] }))).toBe(true);
    expect(isMessageTooLarge(Object.assign(new Error('leader not available'), { type: 'LEADER_NOT_AVAILABLE' }))).toBe(false);
  });

  it('are sent again one at a time, and only those refused alone are set aside, in order', async () => {
    const items = [1, 2, 3].map((id) =>
      toOutgoing({ id: String(id), topic: 't', message_key: 'k', headers: {}, payload: JSON.stringify({ id }), created_at: new Date(0) }),
    );
    const sent: number[][] = [];
    const setAside: number[] = [];
    const idsOf = (chunk: typeof items) => chunk.map((item) => JSON.parse(String(item.message.value)).id as number);

    await sendOrSetAside(
      items,
      async (chunk) => {
        if (idsOf(chunk).includes(2)) {
          throw tooLarge();
        }
        sent.push(idsOf(chunk));
      },
      async (item) => void setAside.push(...idsOf([item])),
    );

    expect(sent).toEqual([[1], [3]]);
    expect(setAside).toEqual([2]);
  });

  it('leave a notice without their payload, saying why and where they were going', () => {
    const item = toOutgoing({
      id: '9',
      topic: 'acme.zoom.users.page.v1',
      message_key: 'integration-1',
      headers: { 'x-message-type': 'zoom.users.page' },
      payload: JSON.stringify({
        messageId: 'm-1',
        type: 'zoom.users.page',
        runId: 'r-1',
        integrationId: 'integration-1',
        payload: { users: ['…'] },
      }),
      created_at: new Date(0),
    });

    const { topic, message } = setAsideNotice(item, 'outbox relay (zoom_fetcher)', new Date('2026-11-29T12:00:00Z'));

    expect(topic).toBe('acme.zoom.users.page.v1.dlq');
    expect(JSON.parse(String(message.value))).toEqual({
      messageId: 'm-1',
      type: 'zoom.users.page',
      runId: 'r-1',
      integrationId: 'integration-1',
    });
    expect(message.headers).toMatchObject({
      'x-message-type': 'zoom.users.page',
      [DeadLetterHeaders.originalTopic]: 'acme.zoom.users.page.v1',
      [DeadLetterHeaders.errorKind]: 'message-too-large',
      [DeadLetterHeaders.consumerGroup]: 'outbox relay (zoom_fetcher)',
    });
  });
});
