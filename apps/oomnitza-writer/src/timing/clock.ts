import { Injectable } from '@nestjs/common';

/**
 * The writer's time, a provider of its own so tests decide when a flush, a rolling portion or a
 * lease is due. Every replica compares times it wrote itself, so their clocks need only agree
 * within a small part of WRITE_LEASE_SECONDS.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
