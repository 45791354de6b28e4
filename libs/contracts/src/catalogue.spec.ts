import { allTopics, findMessageByTopic, MESSAGE_CATALOGUE, topicConfigEntries } from './catalogue';
import { defineMessage } from './envelope/message-definition';

describe('message catalogue', () => {
  it('gives every message a unique, versioned topic and a dead-letter topic', () => {
    const topics = MESSAGE_CATALOGUE.map((message) => message.topic);
    expect(new Set(topics).size).toBe(topics.length);
    for (const message of MESSAGE_CATALOGUE) {
      expect(message.topic).toBe(`${message.type}.v${message.version}`);
      expect(allTopics()).toContain(`${message.topic}.dlq`);
    }
    expect(allTopics()).toHaveLength(topics.length * 2);
  });

  it('finds a message by its topic', () => {
    expect(findMessageByTopic('zoom.users.page.v1')?.type).toBe('zoom.users.page');
    expect(findMessageByTopic('zoom.users.page.v9')).toBeUndefined();
  });

  it('refuses a topic that does not carry its version', () => {
    class Value {}
    expect(() => defineMessage({ topic: 'x.y', type: 'x.y', version: 1, value: Value })).toThrow(/must carry its version/);
  });

  it('compacts api-keys.changed, so every key outlives retention', () => {
    expect(topicConfigEntries('tenant_a.api-keys.changed.v1')).toContainEqual({ name: 'cleanup.policy', value: 'compact' });
    expect(topicConfigEntries('tenant_a.api-keys.changed.v1.dlq')).not.toContainEqual({ name: 'cleanup.policy', value: 'compact' });
  });

  it('compacts credentials.changed, under any prefix, and neither its dead letters nor the other topics', () => {
    const limit = { name: 'max.message.bytes', value: '1048588' };
    const compact = [limit, { name: 'cleanup.policy', value: 'compact' }];
    expect(topicConfigEntries('credentials.changed.v1')).toEqual(compact);
    expect(topicConfigEntries('tenant_a.credentials.changed.v1')).toEqual(compact);
    expect(topicConfigEntries('tenant_a.credentials.changed.v1.dlq')).toEqual([limit]);
    expect(topicConfigEntries('tenant_a.zoom.users.page.v1')).toEqual([limit]);
  });
});
