import { Injectable, Optional } from '@nestjs/common';
import { MessageDefinition, MessageEnvelope, messageKeyOf, parseMessage } from '@zoom-oomnitza-sync/contracts';
import { CorrelationContext, preparedStatement, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { TopicNames } from '../kafka/topic-names';
import { OutboxMessageEntity } from '../persistence/outbox-message.entity';
import { buildEnvelope, buildHeaders, PublishInput } from './envelope';
import { MAX_MESSAGE_BYTES } from './kafka-size-limits';
import { outboxChannelOf } from './outbox-channel';
import { OutboxCommits } from './outbox-commits';

/**
 * Writes messages into the outbox inside the caller's transaction: the message exists exactly
 * when the state change it announces is committed. The relay publishes it afterwards.
 */
@Injectable()
export class OutboxService {
  private readonly statements = new Map<string, OutboxStatements>();

  constructor(
    private readonly topicNames: TopicNames,
    /** Absent where no relay can run in the process (tests that write rows only): every row is then announced by NOTIFY. */
    @Optional() private readonly commits?: OutboxCommits,
  ) {}

  async publish<TPayload extends object>(
    manager: EntityManager,
    definition: MessageDefinition<TPayload>,
    input: PublishInput<TPayload>,
  ): Promise<MessageEnvelope<TPayload>> {
    const [envelope] = await this.publishAll(manager, definition, [input]);
    return envelope;
  }

  /** Several messages of one kind, in this order, with one insert: a consumed batch's output costs one round trip. */
  async publishAll<TPayload extends object>(
    manager: EntityManager,
    definition: MessageDefinition<TPayload>,
    inputs: PublishInput<TPayload>[],
  ): Promise<MessageEnvelope<TPayload>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.publish needs the EntityManager of an open transaction');
    }
    if (inputs.length === 0) {
      return [];
    }
    const topic = this.topicNames.resolve(definition.topic);
    const envelopes: MessageEnvelope<TPayload>[] = [];
    const columns: OutboxColumns = { messageIds: [], topics: [], keys: [], headers: [], payloads: [] };
    for (const input of inputs) {
      const envelope = buildEnvelope(definition, input, randomUUID(), new Date());
      const value = JSON.stringify(envelope);
      if (Buffer.byteLength(value) > MAX_MESSAGE_BYTES) {
        throw new Error(`${definition.type} message of ${Buffer.byteLength(value)} bytes exceeds ${MAX_MESSAGE_BYTES}; split it`);
      }
      // What consumers will parse, checked now: an invalid message fails its producer, not a consumer.
      await parseMessage(definition, JSON.parse(value));
      const correlationId = input.correlationId ?? CorrelationContext.currentId() ?? envelope.messageId;
      columns.messageIds.push(envelope.messageId);
      columns.topics.push(topic);
      columns.keys.push(messageKeyOf(envelope));
      columns.headers.push(JSON.stringify(buildHeaders(envelope, correlationId)));
      columns.payloads.push(value);
      envelopes.push(envelope);
    }
    const values = [columns.messageIds, columns.topics, columns.keys, columns.headers, columns.payloads];
    const statements = this.statementsFor(manager.connection);
    if (this.commits?.relayedHere) {
      this.commits.wrote(manager);
      await manager.query(statements.insert, values);
    } else {
      await manager.query(statements.insertAndNotify, [...values, statements.channel]);
    }
    return envelopes;
  }

  /** One text per schema, whatever the number of rows, so it runs prepared; the rows keep their order (ids). */
  private statementsFor(dataSource: DataSource): OutboxStatements {
    const schema = schemaOf(dataSource, OutboxMessageEntity);
    let statements = this.statements.get(schema);
    if (!statements) {
      const insert = `INSERT INTO ${qualifiedTable(dataSource, OutboxMessageEntity)} (message_id, topic, message_key, headers, payload)
        SELECT message_id, topic, message_key, headers, payload
          FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::json[]) WITH ORDINALITY
               AS row(message_id, topic, message_key, headers, payload, position)
         ORDER BY position`;
      statements = {
        insert: preparedStatement(insert),
        insertAndNotify: preparedStatement(`WITH inserted AS (${insert} RETURNING id) SELECT pg_notify($6, '') FROM inserted LIMIT 1`),
        channel: outboxChannelOf(schema),
      };
      this.statements.set(schema, statements);
    }
    return statements;
  }
}

interface OutboxColumns {
  messageIds: string[];
  topics: string[];
  keys: string[];
  headers: string[];
  payloads: string[];
}

interface OutboxStatements {
  insert: string;
  insertAndNotify: string;
  channel: string;
}
