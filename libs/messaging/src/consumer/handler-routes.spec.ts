import { Controller, INestMicroservice } from '@nestjs/common';
import { CustomTransportStrategy, EventPattern, Server } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { defineMessage } from '@zoom-oomnitza-sync/contracts';
import { IsString } from 'class-validator';
import { lastValueFrom } from 'rxjs';
import { TopicNames } from '../kafka/topic-names';
import { discoverHandlerRoutes } from './handler-routes';
import { MessageHandler } from './message-handler.decorator';
import { PermanentMessageError } from './permanent-message-error';

class NotePayload {
  @IsString()
  text: string;
}

const Note = defineMessage({ topic: 'sample.note.v1', type: 'sample.note', version: 1, value: NotePayload });
const Page = defineMessage({ topic: 'sample.page.v1', type: 'sample.page', version: 1, value: NotePayload });

/** Collects the handlers Nest registers, as KafkaConsumerServer does, without any broker. */
class CollectingServer extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    callback();
  }
  close(): void {}
  on(): void {}
  unwrap<T>(): T {
    return undefined as T;
  }
  handlers() {
    return this.getHandlers();
  }
  toObservable(value: unknown) {
    return this.transformToObservable(value);
  }
}

@Controller()
class SampleController {
  @MessageHandler(Note)
  onNote(message: { envelope: { payload: NotePayload } }): void {
    if (message.envelope.payload.text === 'reject') {
      throw new PermanentMessageError('cannot apply');
    }
  }

  @MessageHandler(Page, { batch: true, consumer: 'page-reader' })
  onPages(): void {}

  @EventPattern('unrelated.pattern')
  onUnrelated(): void {}
}

describe('discoverHandlerRoutes', () => {
  let microservice: INestMicroservice;
  const server = new CollectingServer();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [SampleController] }).compile();
    microservice = moduleRef.createNestMicroservice({ strategy: server, logger: false });
    await microservice.listen();
  });

  afterAll(async () => {
    await microservice.close();
  });

  it('finds each @MessageHandler with its definition, prefixed topics and options', () => {
    const { routes } = discoverHandlerRoutes(server.handlers(), new TopicNames('dev.'), 'mapper');
    expect([...routes.keys()].sort()).toEqual(['dev.sample.note.v1', 'dev.sample.page.v1']);
    expect(routes.get('dev.sample.note.v1')).toMatchObject({
      topic: 'sample.note.v1',
      deadLetterTopic: 'dev.sample.note.v1.dlq',
      definition: Note,
      batch: false,
      consumer: 'mapper',
    });
    expect(routes.get('dev.sample.page.v1')).toMatchObject({ definition: Page, batch: true, consumer: 'page-reader' });
  });

  it('leaves plain event patterns to other transports', () => {
    expect(discoverHandlerRoutes(server.handlers(), new TopicNames(''), 'mapper').ignoredPatterns).toEqual(['unrelated.pattern']);
  });

  it('hands the handler its original error, so a permanent error is recognised', async () => {
    const route = discoverHandlerRoutes(server.handlers(), new TopicNames(''), 'mapper').routes.get('sample.note.v1');
    const result = await route?.handler({ envelope: { payload: { text: 'reject' } } });
    await expect(lastValueFrom(server.toObservable(result))).rejects.toBeInstanceOf(PermanentMessageError);
  });

  it('refuses two handlers for one topic', () => {
    const handlers = new Map(server.handlers());
    const first = handlers.get('sample.note.v1');
    if (!first) {
      throw new Error('handler missing');
    }
    const chained = Object.assign(async () => undefined, { isEventHandler: true, extras: first.extras, next: first });
    handlers.set('sample.note.v1', chained);
    expect(() => discoverHandlerRoutes(handlers, new TopicNames(''), 'mapper')).toThrow(/more than one @MessageHandler/);
  });
});
