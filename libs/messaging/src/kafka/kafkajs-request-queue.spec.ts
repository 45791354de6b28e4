import { AppLogger } from '@zoom-oomnitza-sync/platform';
import pino from 'pino';
import { MessagingSettings } from '../config/messaging-settings';
import { stopIdleRequestQueueLoop } from './kafkajs-request-queue';

interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  checkPendingRequests(): void;
  maybeThrottle(milliseconds: number): void;
  push(request: PushedRequest): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
}
interface PushedRequest {
  entry: { correlationId: number; apiName: string; resolve: () => void; reject: () => void };
  expectResponse: boolean;
  sendRequest: () => void;
}
type RequestQueueClass = new (options: Record<string, unknown>) => RequestQueue;

// kafkajs ships its sources; the queue is the one every broker connection of the client uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue: RequestQueueClass = require('kafkajs/src/network/requestQueue');

const silent = { debug: () => undefined, warn: () => undefined, info: () => undefined, error: () => undefined };

function createQueue(queueClass = RequestQueue): RequestQueue {
  return new queueClass({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: silent,
  });
}

function request(correlationId: number, sent: number[]): PushedRequest {
  const entry = { correlationId, apiName: 'Fetch', resolve: () => undefined, reject: () => undefined };
  return { entry, expectResponse: false, sendRequest: () => sent.push(correlationId) };
}

describe('stopIdleRequestQueueLoop', () => {
  beforeAll(() => stopIdleRequestQueueLoop());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves no timer behind when a connection has nothing waiting (kafkajs 2.2.4 re-checked every millisecond)', () => {
    const queue = createQueue();
    queue.checkPendingRequests();
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('still sends a request held by client-side throttling once the throttle ends', () => {
    const queue = createQueue();
    const sent: number[] = [];
    queue.maybeThrottle(200);
    queue.push(request(1, sent));
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(199);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('checks again shortly when a request waits on a throttle that ends this very millisecond', () => {
    const queue = createQueue();
    const sent: number[] = [];
    queue.maybeThrottle(1_000);
    queue.push(request(2, sent));
    queue.destroy();
    queue.throttledUntil = Date.now();
    queue.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(10);
    expect(sent).toEqual([2]);
    queue.destroy();
  });
});

describe('createKafkaClient', () => {
  afterEach(() => jest.useRealTimers());

  it('stops the idle loop for the connections of the client it makes', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createKafkaClient } = require('./kafka-client') as typeof import('./kafka-client');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const freshQueueClass: RequestQueueClass = require('kafkajs/src/network/requestQueue');
      const settings = { brokers: ['127.0.0.1:9'], security: {} } as unknown as MessagingSettings;
      createKafkaClient(settings, 'spec', new AppLogger(pino({ level: 'silent' })));
      jest.useFakeTimers();
      const queue = createQueue(freshQueueClass);
      queue.checkPendingRequests();
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
