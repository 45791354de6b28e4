import { Injectable } from '@nestjs/common';

/** Waiting as a provider of its own, so tests see how long a service means to wait without waiting. */
@Injectable()
export class Pause {
  for(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
