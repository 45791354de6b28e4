import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';

/**
 * How busy this process's event loop is, as a provider of its own so tests can say how busy it
 * was. Utilization is the share of wall time the loop spent outside its idle wait: on a thread
 * that runs flat out, or that waits for a core on a saturated machine, it nears 1.
 */
@Injectable()
export class EventLoopLoad {
  /** Starts a measurement; the function returned gives the utilization (0 to 1) since then. */
  measure(): () => number {
    const start = performance.eventLoopUtilization();
    return () => performance.eventLoopUtilization(start).utilization;
  }
}
