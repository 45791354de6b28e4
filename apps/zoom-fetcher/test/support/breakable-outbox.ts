import { MessageDefinition, MessageEnvelope, ZoomUsersPage, ZoomUsersPageValue, ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import { OutboxService, PublishInput } from '@zoom-oomnitza-sync/messaging';
import { EntityManager } from 'typeorm';
import { topicNames } from './fetcher-database';

/**
 * How the transaction that hands a page on breaks, after the page's outbox row is written:
 * - the outbox write fails (an error the caller sees);
 * - the connection dies before commit (the database rolls back; the caller sees the lost connection);
 * - the replica dies: its connection goes and it never hears back, until `wake` lets it see the error.
 */
export type Breakage = 'write-fails' | 'connection-dies' | 'replica-dies';

/** The real outbox, except that handing on one chosen page breaks the transaction it is part of. */
export class BreakableOutbox extends OutboxService {
  /** Set once the planned breakage has happened. */
  broken = false;
  private planned?: { userStatus: ZoomUserStatus; pageNumber: number; breakage: Breakage };
  private wakeUp?: (error: Error) => void;

  constructor() {
    super(topicNames);
  }

  breakAt(userStatus: ZoomUserStatus, pageNumber: number, breakage: Breakage): void {
    this.planned = { userStatus, pageNumber, breakage };
  }

  /** A replica that died mid-page finally sees its error, so it winds down before the test ends. */
  wake(): void {
    this.wakeUp?.(new Error('the replica died mid-page'));
  }

  override async publish<TPayload extends object>(
    manager: EntityManager,
    definition: MessageDefinition<TPayload>,
    input: PublishInput<TPayload>,
  ): Promise<MessageEnvelope<TPayload>> {
    const envelope = await super.publish(manager, definition, input);
    const breakage = this.breakageFor(definition, input.payload);
    if (breakage) {
      this.planned = undefined;
      this.broken = true;
      await this.breakTransaction(manager, breakage);
    }
    return envelope;
  }

  private breakageFor(definition: MessageDefinition<object>, payload: object): Breakage | undefined {
    if (definition.type !== ZoomUsersPage.type || !this.planned) {
      return undefined;
    }
    const page = payload as ZoomUsersPageValue;
    return page.userStatus === this.planned.userStatus && page.pageNumber === this.planned.pageNumber ? this.planned.breakage : undefined;
  }

  private async breakTransaction(manager: EntityManager, breakage: Breakage): Promise<never> {
    if (breakage === 'write-fails') {
      throw new Error('the outbox write failed');
    }
    const cut = await manager.query('SELECT pg_terminate_backend(pg_backend_pid())').then(
      () => new Error('the connection outlived pg_terminate_backend'),
      (error: Error) => error,
    );
    if (breakage === 'connection-dies') {
      throw cut;
    }
    return new Promise<never>((_, reject) => (this.wakeUp = reject));
  }
}
