import { MessageDefinition, MessageEnvelope, OomnitzaRecordsWritten } from '@zoom-oomnitza-sync/contracts';
import { OutboxService, PublishInput, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { EntityManager } from 'typeorm';

/**
 * The real outbox, except that the replica dies while committing its next batch's outcome, after
 * Oomnitza answered: its connection goes (the transaction rolls back) and it never hears back,
 * until `wake` lets it see the error.
 */
export class DyingOutbox extends OutboxService {
  /** Set once the replica died. */
  died = false;
  private armed = false;
  private wakeUp?: (error: Error) => void;

  constructor(topicNames: TopicNames) {
    super(topicNames);
  }

  dieAtNextOutcome(): void {
    this.armed = true;
  }

  wake(): void {
    this.wakeUp?.(new Error('the replica died while committing'));
  }

  override async publish<TPayload extends object>(
    manager: EntityManager,
    definition: MessageDefinition<TPayload>,
    input: PublishInput<TPayload>,
  ): Promise<MessageEnvelope<TPayload>> {
    const envelope = await super.publish(manager, definition, input);
    if (this.armed && definition.type === OomnitzaRecordsWritten.type) {
      this.armed = false;
      await manager.query('SELECT pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
      this.died = true;
      await new Promise<never>((_, reject) => (this.wakeUp = reject));
    }
    return envelope;
  }
}
