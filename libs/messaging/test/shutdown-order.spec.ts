import { Controller, Inject } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { ConsumedMessage, MessageHandler, OutboxService } from '../src';
import { HandlerProbe } from './support/handler-probe';
import { MessagingTestBed } from './support/messaging-test-bed';
import { TestBatchNote, TestNote, TestNoteValue } from './support/test-messages';

/** Hands every note on: what a handler does while the service is stopping must still leave it. */
@Controller()
class ForwardingNoteController {
  constructor(
    @Inject(HandlerProbe) private readonly probe: HandlerProbe,
    private readonly outbox: OutboxService,
  ) {}

  @MessageHandler(TestNote)
  async onNote({ envelope, manager }: ConsumedMessage<TestNoteValue>): Promise<void> {
    await this.probe.attempt(envelope.payload.label);
    await this.outbox.publish(manager, TestBatchNote, {
      tenantId: envelope.tenantId,
      integrationId: envelope.integrationId,
      payload: { label: `forwarded ${envelope.payload.label}` },
    });
  }
}

describe('shutdown order: intake stops first, then the relay drains', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_shutdown_order', [TestNote.topic, TestBatchNote.topic]);
  });

  afterAll(async () => {
    bed?.probe.openGate();
    await bed?.cleanup();
  });

  it('publishes what the last handler wrote while the service was stopping, before it leaves', async () => {
    const app = await bed.startApp({ controllers: [ForwardingNoteController] });
    const handlerBlocked = bed.probe.closeGateAt('last');
    await bed.publishNotes(app, ['last'], 'integration-shutdown');
    await handlerBlocked;

    const closed = app.close();
    // The handler finishes only once the consumer is stopping: its outbox row comes last.
    await firstValueFrom(app.server.status.pipe(filter((status) => status === 'stopping')));
    bed.probe.openGate();
    await closed;

    expect(await bed.unpublishedCount()).toBe(0);
    expect(await bed.messagesOnTopic(TestBatchNote.topic)).toBe(1);
  });
});
