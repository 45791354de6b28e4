import { Injectable, Optional } from '@nestjs/common';
import { MessageDefinition, MessageEnvelope, messageKeyOf, parseMessage } from '@zoom-oomnitza-sync/contracts';
import { CorrelationContext, preparedStatement, qualifiedTable, schemaOf, SqlParameters } from '@zoom-oomnitza-sync/platform';
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
    const rows = await this.rows(definition, inputs);
    const values = rows.flatMap((row) => [row.envelope.messageId, row.topic, row.key, row.headers, row.value]);
    const statements = this.statementsFor(manager.connection, rows.length);
    if (this.commits?.relayedHere) {
      this.commits.wrote(manager);
      await manager.query(statements.insert, values);
    } else {
      await manager.query(statements.insertAndNotify, [...values, outboxChannelOf(schemaOf(manager.connection, OutboxMessageEntity))]);
    }
    return rows.map((row) => row.envelope);
  }

  /** Messages of one kind as they will be inserted: enveloped, checked as their consumers will parse them, serialized. */
  async rows<TPayload extends object>(
    definition: MessageDefinition<TPayload>,
    inputs: PublishInput<TPayload>[],
  ): Promise<OutboxRow<TPayload>[]> {
    const topic = this.topicNames.resolve(definition.topic);
    const rows: OutboxRow<TPayload>[] = [];
    for (const input of inputs) {
      const envelope = buildEnvelope(definition, input, randomUUID(), new Date());
      const value = JSON.stringify(envelope);
      if (Buffer.byteLength(value) > MAX_MESSAGE_BYTES) {
        throw new Error(`${definition.type} message of ${Buffer.byteLength(value)} bytes exceeds ${MAX_MESSAGE_BYTES}; split it`);
      }
      // What consumers will parse, checked now: an invalid message fails its producer, not a consumer.
      await parseMessage(definition, JSON.parse(value));
      const correlationId = input.correlationId ?? CorrelationContext.currentId() ?? envelope.messageId;
      rows.push({ envelope, topic, key: messageKeyOf(envelope), headers: buildHeaders(envelope, correlationId), value });
    }
    return rows;
  }

  /**
   * The insert of `rows` as one part of a caller's single statement, which needs no transaction of
   * its own: an `INSERT ... RETURNING 1` for a CTE named `cte`, made only where `when` (an SQL
   * condition) holds. `payload` may turn a row's text into an SQL expression, to splice in a value
   * the statement reads.
   */
  insertInStatement(dataSource: DataSource, rows: OutboxRow[], parameters: SqlParameters, part: OutboxStatementPart): OutboxInsert {
    const tuples = rows.map(
      (row) =>
        `(${parameters.add(row.envelope.messageId)}::uuid, ${parameters.add(row.topic)}, ${parameters.add(row.key)}, ` +
        `${parameters.add(row.headers)}::jsonb, ${part.payload?.(row.value, parameters) ?? parameters.add(row.value)}::json)`,
    );
    const sql = `INSERT INTO ${qualifiedTable(dataSource, OutboxMessageEntity)} (message_id, topic, message_key, headers, payload)
      SELECT * FROM (VALUES ${tuples.join(', ')}) AS message WHERE ${part.when} RETURNING 1`;
    const relayedHere = this.commits?.relayedHere ?? false;
    return {
      sql,
      announcement: relayedHere
        ? 'NULL'
        : `CASE WHEN EXISTS (SELECT 1 FROM ${part.cte}) THEN pg_notify(${parameters.add(outboxChannelOf(schemaOf(dataSource, OutboxMessageEntity)))}, '') END`,
      committed: (inserted) => {
        if (relayedHere && inserted) {
          this.commits?.committedOutside();
        }
      },
    };
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

/** A message as the outbox stores it. */
export interface OutboxRow<TPayload extends object = object> {
  envelope: MessageEnvelope<TPayload>;
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

/** Where an outbox insert sits in a caller's statement. */
export interface OutboxStatementPart {
  /** The name of the CTE the insert is. */
  cte: string;
  /** An SQL condition: the rows are inserted only where it holds. */
  when: string;
  payload?: (value: string, parameters: SqlParameters) => string;
}

export interface OutboxInsert {
  /** `INSERT ... RETURNING 1`, the CTE's body. */
  sql: string;
  /** A column for the statement's final SELECT: a NOTIFY for a relay in another process, NULL where it runs in this one. */
  announcement: string;
  /** Once the statement committed, saying whether it inserted: wakes the relay of this process. */
  committed(inserted: boolean): void;
}

interface OutboxStatements {
  insert: string;
  insertAndNotify: string;
}
