import { BaseRpcContext } from '@nestjs/microservices';

/** The RPC context Nest guards/interceptors see for a consumed message. */
export class KafkaMessageContext extends BaseRpcContext<[topic: string, partition: number, offsets: string[]]> {
  getTopic(): string {
    return this.args[0];
  }

  getPartition(): number {
    return this.args[1];
  }

  /** One offset for a per-message handler, every offset of the batch for a batch handler. */
  getOffsets(): string[] {
    return this.args[2];
  }
}
