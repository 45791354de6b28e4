import { Controller, Inject } from '@nestjs/common';
import { ConsumedMessage, MessageHandler, PermanentMessageError } from '../../src';
import { CorrelationContext } from '@zoom-oomnitza-sync/platform';
import { MessageHeaders } from '@zoom-oomnitza-sync/contracts';
import { HandlerProbe } from './handler-probe';
import { TestEffectEntity } from './test-effect.entity';
import { TestBatchNote, TestNote, TestNoteValue } from './test-messages';

async function apply(probe: HandlerProbe, message: ConsumedMessage<TestNoteValue>): Promise<void> {
  const { label } = message.envelope.payload;
  await probe.attempt(label);
  await message.manager.insert(TestEffectEntity, {
    messageId: message.envelope.messageId,
    label,
    partition: message.partition,
    offset: message.offset,
    headerCorrelationId: message.headers[MessageHeaders.correlationId] ?? null,
    contextCorrelationId: CorrelationContext.currentId() ?? null,
  });
  // After the insert: a failure must roll the effect back with the inbox row.
  if (probe.rejected.has(label)) {
    throw new PermanentMessageError(`label ${label} is rejected`);
  }
  if (probe.failing.has(label)) {
    throw new Error(`transient failure for ${label}`);
  }
}

@Controller()
export class NoteController {
  constructor(@Inject(HandlerProbe) private readonly probe: HandlerProbe) {}

  @MessageHandler(TestNote)
  async onNote(message: ConsumedMessage<TestNoteValue>): Promise<void> {
    await apply(this.probe, message);
  }
}

@Controller()
export class BatchNoteController {
  constructor(@Inject(HandlerProbe) private readonly probe: HandlerProbe) {}

  @MessageHandler(TestBatchNote, { batch: true })
  async onNotes(messages: ConsumedMessage<TestNoteValue>[]): Promise<void> {
    this.probe.batches.push(messages.map((message) => message.envelope.payload.label));
    for (const message of messages) {
      await apply(this.probe, message);
    }
  }
}

/** Applies notes whose label starts with "keep"; passes over the others, as a handler with nothing to do for them. */
@Controller()
export class KeptNoteController {
  constructor(@Inject(HandlerProbe) private readonly probe: HandlerProbe) {}

  @MessageHandler(TestNote, { accepts: (envelope) => envelope.payload.label.startsWith('keep') })
  async onNote(message: ConsumedMessage<TestNoteValue>): Promise<void> {
    await apply(this.probe, message);
  }
}

/** The batch form of KeptNoteController. */
@Controller()
export class KeptBatchNoteController {
  constructor(@Inject(HandlerProbe) private readonly probe: HandlerProbe) {}

  @MessageHandler(TestBatchNote, { batch: true, accepts: (envelope) => envelope.payload.label.startsWith('keep') })
  async onNotes(messages: ConsumedMessage<TestNoteValue>[]): Promise<void> {
    this.probe.batches.push(messages.map((message) => message.envelope.payload.label));
    for (const message of messages) {
      await apply(this.probe, message);
    }
  }
}
