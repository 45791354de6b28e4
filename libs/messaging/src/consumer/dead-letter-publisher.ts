import { Injectable } from '@nestjs/common';
import { Message, Partitioners, Producer } from 'kafkajs';
import { KafkaClient } from '../kafka/kafka-client';

/** Produces dead-lettered records; the consumer server connects it while it listens. */
@Injectable()
export class DeadLetterPublisher {
  private producer?: Producer;

  constructor(private readonly kafka: KafkaClient) {}

  async connect(): Promise<void> {
    if (this.producer) {
      return;
    }
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
  }

  async publish(topic: string, message: Message): Promise<void> {
    if (!this.producer) {
      throw new Error('dead-letter publisher is not connected');
    }
    await this.producer.send({ topic, acks: -1, messages: [message] });
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }
}
