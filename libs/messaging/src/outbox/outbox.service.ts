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

/** Up to this many messages in one insert run prepared: webhook changes come a few at a time. */
const PREPARED_MAX_ROWS = 8;

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
    const values: unknown[] = [];
    for (const input of inputs) {
      const envelope = buildEnvelope(definition, input, randomUUID(), new Date());
      const value = JSON.stringify(envelope);
      if (Buffer.byteLength(value) > MAX_MESSAGE_BYTES) {
        throw new Error(`${definition.type} message of ${Buffer.byteLength(value)} bytes exceeds ${MAX_MESSAGE_BYTES}; split it`);
      }
      // What consumers will parse, checked now: an invalid message fails its producer, not a consumer.
      await parseMessage(definition, JSON.parse(value));
      const correlationId = input.correlationId ?? CorrelationContext.currentId() ?? envelope.messageId;
      values.push(envelope.messageId, topic, messageKeyOf(envelope), buildHeaders(envelope, correlationId), value);
      envelopes.push(envelope);
    }
    const statements = this.statementsFor(manager.connection, envelopes.length);
    if (this.commits?.relayedHere) {
      this.commits.wrote(manager);
      await manager.query(statements.insert, values);
    } else {
      await manager.query(statements.insertAndNotify, [...values, outboxChannelOf(schemaOf(manager.connection, OutboxMessageEntity))]);
    }
    return envelopes;
  }

  /**
   * The insert of `rows` messages, each value a parameter of its own (a page's records are large:
   * passed as arrays, every one would be escaped into an array literal and parsed back). The few
   * rows a webhook change makes run prepared, one text per count.
   */
  private statementsFor(dataSource: DataSource, rows: number): OutboxStatements {
    const key = `${schemaOf(dataSource, OutboxMessageEntity)}:${rows}`;
    const known = this.statements.get(key);
    if (known) {
      return known;
    }
    const tuples = Array.from({ length: rows }, (_, row) => `(${[1, 2, 3, 4, 5].map((column) => `$${row * 5 + column}`).join(', ')})`);
    const insert = `INSERT INTO ${qualifiedTable(dataSource, OutboxMessageEntity)} (message_id, topic, message_key, headers, payload) VALUES ${tuples.join(', ')}`;
    const insertAndNotify = `WITH inserted AS (${insert} RETURNING id) SELECT pg_notify($${rows * 5 + 1}, '') FROM inserted LIMIT 1`;
    if (rows > PREPARED_MAX_ROWS) {
      return { insert, insertAndNotify };
    }
    const statements = { insert: preparedStatement(insert), insertAndNotify: preparedStatement(insertAndNotify) };
    this.statements.set(key, statements);
    return statements;
  }
}

interface OutboxStatements {
  insert: string;
  insertAndNotify: string;
}
