import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../errors/problem-details';
import { ServiceUnavailableProblem } from '../errors/problems';
import { AppLogger } from '../logging/app-logger';
import { ReadinessRegistry } from './readiness.registry';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly logger: AppLogger,
  ) {}

  @Get('live')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: answers while the process runs' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Readiness: every required check (database, message consumer) passes; "degraded" when only Kafka is missing',
  })
  @ApiOkResponse({ schema: { example: { status: 'degraded', checks: { database: { status: 'ok' }, kafka: { status: 'failed' } } } } })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: problem+json naming the failing checks',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  })
  async ready(): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, { status: 'ok' | 'failed' }> }> {
    const report = await this.readiness.evaluate();
    // Callers see which checks failed; why (hosts, driver messages) only reaches the logs.
    const checks = Object.fromEntries(Object.entries(report.checks).map(([name, result]) => [name, { status: result.status }]));
    if (!report.ready) {
      const failing = Object.entries(report.checks).filter(([, result]) => result.status === 'failed');
      this.logger.pino.warn({ checks: report.checks }, 'readiness check failed');
      throw new ServiceUnavailableProblem(`Not ready: ${failing.map(([name]) => name).join(', ')} failing.`, { checks });
    }
    if (report.degraded) {
      this.logger.pino.warn({ checks: report.checks }, 'ready, but degraded');
    }
    return { status: report.degraded ? 'degraded' : 'ok', checks };
  }
}
