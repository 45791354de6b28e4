import { Controller, Inject } from '@nestjs/common';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { BenchEffectEntity } from './bench-effect.entity';
import { BenchTick, BenchTickValue } from './bench-tick';
import { TickTimes } from './tick-times';

function effectOf(message: ConsumedMessage<BenchTickValue>): Omit<BenchEffectEntity, 'id'> {
  return { messageId: message.envelope.messageId, scenario: message.envelope.payload.scenario, partition: message.partition };
}

/** A typical per-message handler: one effect row, written in the message's inbox transaction. */
@Controller()
export class TickController {
  constructor(@Inject(TickTimes) private readonly times: TickTimes) {}

  @MessageHandler(BenchTick)
  async onTick(message: ConsumedMessage<BenchTickValue>): Promise<void> {
    await message.manager.insert(BenchEffectEntity, effectOf(message));
    this.times.applied(message.envelope.messageId);
  }
}

/** The batch form: the effect rows of a fetched batch in one insert, in the batch's inbox transaction. */
@Controller()
export class TickBatchController {
  constructor(@Inject(TickTimes) private readonly times: TickTimes) {}

  @MessageHandler(BenchTick, { batch: true })
  async onTicks(messages: ConsumedMessage<BenchTickValue>[]): Promise<void> {
    await messages[0].manager.insert(BenchEffectEntity, messages.map(effectOf));
    for (const message of messages) {
      this.times.applied(message.envelope.messageId);
    }
  }
}
