import { Controller, Get } from '@nestjs/common';
import { AdminOnly } from '../../src';

/** An operator-only route: the platform no longer ships one, and the guard's @AdminOnly() check needs a target. */
@Controller('admin')
export class AdminPingController {
  @Get('ping')
  @AdminOnly()
  ping(): { ok: true } {
    return { ok: true };
  }
}
