import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppLogger, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { Partitioners, Producer } from 'kafkajs';
import { Logger } from 'pino';
import { escapeLiteral, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { MESSAGING_SETTINGS, MessagingSettings } from '../config/messaging-settings';
import { retryDelayMs } from '../consumer/retry-policy';
import { KafkaClient } from '../kafka/kafka-client';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { listenerConnectionOf, NotificationListener } from '../notifications/notification-listener';
import { OutboxMessageEntity } from '../persistence/outbox-message.entity';
import { ClaimedRow, groupByTopic, OutgoingMessage, sendChunks, toOutgoing } from './outbox-batches';
import { sendOrSetAside, setAsideNotice } from './oversized-messages';
import { outboxChannelOf } from './outbox-channel';
import { Doorbell } from '../notifications/doorbell';
import { OutboxCommits } from './outbox-commits';
import { ClaimFloor } from './claim-floor';
import { ClaimResult, OutboxClaim } from './outbox-claim';

/** How long a stopping relay keeps publishing rows that are already waiting. */
const DRAIN_TIMEOUT_MS = 5_000;

type CycleOutcome = 'full' | 'partial' | 'idle' | 'contended';

/**
 * Awaited before each publishing cycle (not while draining at shutdown): how a service holds its
 * relay back while more urgent work of its own needs the process. Cut short when the relay stops.
 */
export type RelayPacing = () => Promise<void>;

/**
 * Publishes committed outbox rows to Kafka. One cycle, in one transaction: take the schema's relay
 * lock, claim the oldest unpublished rows (FOR UPDATE SKIP LOCKED) and stamp them published, send
 * them with the idempotent producer (acks=all), commit. Replicas therefore never publish a row twice
 * and publish in outbox order, so one integration's messages keep their order. A crash after the
 * send but before the commit publishes those rows again on the next cycle: consumers absorb the
 * duplicate through their inbox (same messageId).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly doorbell = new Doorbell();
  private producer?: Producer;
  private producerConnected = false;
  private listener?: NotificationListener;
  private claimFloor?: ClaimFloor;
  private claim?: OutboxClaim;
  private running?: Promise<void>;
  private stopping = false;
  private pacing?: RelayPacing;
  private stopRequested?: () => void;
  private stopped?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaClient,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly metrics: MessagingMetrics,
    private readonly commits: OutboxCommits,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: OutboxRelay.name });
  }

  onApplicationBootstrap(): void {
    // Replicas that only serve the API may leave publishing to others (OUTBOX_RELAY_ENABLED=false).
    if (!this.settings.outboxRelayEnabled) {
      this.log.info('outbox relay disabled: rows are published by another replica');
      return;
    }
    this.start();
  }

  /** After intake has stopped (consumers, workers: their hooks run first), so what they wrote last is published. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Sets what each cycle awaits first; the last call wins. */
  paceWith(pacing: RelayPacing): void {
    this.pacing = pacing;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.stopping = false;
    this.stopped = new Promise((resolve) => (this.stopRequested = resolve));
    this.claimFloor = new ClaimFloor(this.settings.outboxClaimLagMs, this.settings.outboxSweepIntervalMs, Date.now());
    const table = qualifiedTable(this.dataSource, OutboxMessageEntity);
    this.claim = new OutboxClaim(table, escapeLiteral(`outbox-relay:${table}`), this.settings.outboxBatchSize);
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const schema = schemaOf(this.dataSource, OutboxMessageEntity);
    this.listener = new NotificationListener(
      listenerConnectionOf(this.dataSource),
      outboxChannelOf(schema),
      () => this.doorbell.ring(),
      this.log,
    );
    void this.listener.start();
    this.commits.relayStarted(() => this.doorbell.ring());
    this.running = this.run();
  }

  /** Finishes the cycle in flight, publishes what is already waiting (bounded), then disconnects. */
  async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.stopping = true;
    this.stopRequested?.();
    this.commits.relayStopped();
    this.doorbell.ring();
    await this.running;
    this.running = undefined;
    await this.listener?.stop();
    if (this.producerConnected) {
      await this.producer?.disconnect();
    }
    this.producerConnected = false;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const heard = this.doorbell.heard;
      try {
        if (this.pacing) {
          await Promise.race([this.pacing(), this.stopped]);
        }
        const outcome = await this.publishCycle();
        failures = 0;
        if (outcome !== 'full') {
          await this.doorbell.sleep(this.settings.outboxPollIntervalMs, heard);
        }
      } catch (error) {
        failures += 1;
        this.log.warn({ error: describe(error), failures }, 'outbox relay cycle failed; retrying');
        await this.doorbell.sleep(retryDelayMs(failures, this.settings.outboxPollIntervalMs, this.settings.retryMaxMs), heard);
      }
    }
    await this.drain();
  }

  private async drain(): Promise<void> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      try {
        if ((await this.publishCycle()) !== 'full') {
          return;
        }
      } catch (error) {
        this.log.warn({ error: describe(error) }, 'outbox relay could not drain before stopping; rows stay for the next relay');
        return;
      }
    }
  }

  /**
   * One transaction on the driver's connection itself: its BEGIN travels with the claim (one
   * simple-protocol query), then the send, then COMMIT. Rows
   * committed during a cycle wait for the next one, and under load every round trip to PostgreSQL
   * lengthens the cycle.
   */
  private async publishCycle(): Promise<CycleOutcome> {
    const floor = this.claimFloor;
    const claim = this.claim;
    if (!floor || !claim) {
      throw new Error('outbox relay is not started');
    }
    const queryRunner = this.dataSource.createQueryRunner();
    const client = (await queryRunner.connect()) as PoolClient;
    let open = false;
    try {
      open = true;
      const claimedAt = Date.now();
      const from = floor.from(claimedAt);
      const claimed = await claim.begin(client, from);
      const outcome = await this.publishClaimed(claimed);
      await client.query('COMMIT');
      open = false;
      if (outcome !== 'contended') {
        floor.committed(
          from,
          claimed.filter((row) => row.id !== null).map((row) => row.id),
          claimedAt,
        );
      }
      return outcome;
    } catch (error) {
      if (open) {
        await client.query('ROLLBACK').catch(() => undefined);
      }
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  private async publishClaimed(claimed: ClaimResult): Promise<CycleOutcome> {
    if (!claimed[0].locked) {
      return 'contended';
    }
    const rows = claimed.filter((row) => row.id !== null);
    if (rows.length === 0) {
      this.metrics.outboxBacklog.set(0);
      return 'idle';
    }
    await this.send(rows);
    this.record(rows);
    return rows.length === this.settings.outboxBatchSize ? 'full' : 'partial';
  }

  private async send(rows: ClaimedRow[]): Promise<void> {
    const producer = this.producer;
    if (!producer) {
      throw new Error('outbox relay is not started');
    }
    if (!this.producerConnected) {
      await producer.connect();
      this.producerConnected = true;
    }
    for (const chunk of sendChunks(rows.map(toOutgoing))) {
      await sendOrSetAside(
        chunk,
        (messages) => producer.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) }).then(() => undefined),
        (item) => this.setAside(producer, item),
      );
    }
  }

  /**
   * A message the broker refuses even alone would hold every row after it forever: its notice goes
   * to the dead-letter topic instead (a run's message there fails the run, with the reason), and
   * its row counts as published, keeping the payload until housekeeping removes it.
   */
  private async setAside(producer: Producer, item: OutgoingMessage): Promise<void> {
    const { topic, message } = setAsideNotice(item, `outbox relay (${schemaOf(this.dataSource, OutboxMessageEntity)})`, new Date());
    await producer.send({ topic, acks: -1, messages: [message] });
    this.metrics.setAside.inc({ topic: item.topic });
    this.log.error(
      { topic: item.topic, key: item.message.key, bytes: item.bytes },
      'the broker refused an outbox message as too large: set aside on the dead-letter topic',
    );
  }

  private record(rows: ClaimedRow[]): void {
    const now = Date.now();
    for (const row of rows) {
      this.metrics.published.inc({ topic: row.topic });
      this.metrics.publishLatency.observe({ topic: row.topic }, (now - new Date(row.created_at).getTime()) / 1000);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
