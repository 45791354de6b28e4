import { ArgumentsHost, BadRequestException, ForbiddenException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { lastValueFrom, Observable } from 'rxjs';
import { LogCapture } from '@zoom-oomnitza-sync/testing';
import { AppLogger } from '../logging/app-logger';
import { CorrelationContext } from '../logging/correlation-context';
import { createLogger } from '../logging/create-logger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { NotFoundProblem, PROBLEM_TYPE_BASE, ServiceUnavailableProblem, UnauthorizedProblem, ValidationProblem } from './problems';

/** The bits of a Node response the filter writes to. */
class RecordedResponse {
  statusCode = 200;
  headersSent = false;
  readonly headers: Record<string, string> = {};
  body = '';

  setHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  hasHeader(name: string): boolean {
    return name.toLowerCase() in this.headers;
  }

  end(body: string): void {
    this.body = body;
  }

  get json(): Record<string, unknown> {
    return JSON.parse(this.body);
  }
}

describe('ProblemDetailsFilter', () => {
  function render(exception: unknown, requestHeaders: Record<string, string> = {}) {
    const logs = new LogCapture();
    const filter = new ProblemDetailsFilter(new AppLogger(createLogger('test', 'debug', logs)));
    const response = new RecordedResponse();
    const request = { originalUrl: '/integrations/42?verbose=true', headers: requestHeaders };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ArgumentsHost;
    filter.catch(exception, host);
    return { response, logs };
  }

  it('renders a typed problem as application/problem+json with instance and correlation id', () => {
    const { response } = CorrelationContext.run('corr-1', () => render(new NotFoundProblem('Integration 42 does not exist.')));
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.headers['x-correlation-id']).toBe('corr-1');
    expect(response.json).toEqual({
      type: `${PROBLEM_TYPE_BASE}not-found`,
      title: 'Not found',
      status: 404,
      detail: 'Integration 42 does not exist.',
      instance: '/integrations/42',
      correlationId: 'corr-1',
    });
  });

  it('lists field errors of a validation problem', () => {
    const errors = [
      { field: 'name', message: 'name must be shorter than or equal to 100 characters' },
      { field: 'filters.0.field', message: 'field should not be empty' },
    ];
    const { response } = render(new ValidationProblem(errors));
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({ type: `${PROBLEM_TYPE_BASE}validation`, status: 400, errors });
  });

  it('keeps extensions without letting them replace the standard members', () => {
    const { response } = render(
      new ServiceUnavailableProblem('Not ready: kafka failing.', { checks: { kafka: { status: 'failed' } }, status: 200 }),
    );
    expect(response.json).toMatchObject({ status: 503, checks: { kafka: { status: 'failed' } } });
  });

  it('asks for a bearer token on 401', () => {
    expect(render(new UnauthorizedProblem()).response.headers['www-authenticate']).toBe('Bearer');
  });

  it("maps Nest's HTTP exceptions to about:blank problems with the status phrase as title", () => {
    const { response } = render(new ForbiddenException('Nope'));
    expect(response.json).toMatchObject({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Nope' });
    expect(render(new BadRequestException(['a must be set', 'b must be set'])).response.json.detail).toBe('a must be set; b must be set');
    expect(render(new NotFoundException()).response.json).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('answers malformed JSON without quoting the body', () => {
    let parseError = new Error();
    try {
      JSON.parse('{"clientSecret":s3cr3t-value}');
    } catch (error) {
      parseError = error as Error;
    }
    expect(parseError.message).toContain('s3cr3t');
    const { response, logs } = render(new BadRequestException(parseError.message));
    expect(response.json).toMatchObject({ status: 400, detail: 'The request body is not valid JSON.' });
    expect(logs.text).not.toContain('s3cr3t');
  });

  it('passes on the message of a client error raised by the body parser', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(render(tooLarge).response.json).toMatchObject({ status: 413, title: 'Payload Too Large', detail: 'request entity too large' });
  });

  it('hides unexpected errors behind a generic 500 and logs them with their stack', () => {
    const { response, logs } = render(new TypeError("Cannot read properties of undefined (reading 'clientSecret')"));
    expect(response.statusCode).toBe(500);
    expect(response.json).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
      instance: '/integrations/42',
      correlationId: expect.any(String),
    });
    expect(response.body).not.toContain('clientSecret');
    const logged = logs.lines.find((line) => line.level === 'error');
    expect(logged).toMatchObject({ correlationId: response.json.correlationId, err: { stack: expect.stringContaining('TypeError') } });
  });

  it('hides the message of a 5xx HTTP exception too', () => {
    const { response } = render(new InternalServerErrorException('pool exhausted on db-7.internal'));
    expect(response.json.detail).not.toContain('db-7');
  });

  it("takes the caller's correlation id when no context carries one", () => {
    const { response } = render(new NotFoundProblem(), { 'x-correlation-id': 'from-caller' });
    expect(response.json.correlationId).toBe('from-caller');
    expect(response.headers['x-correlation-id']).toBe('from-caller');
  });

  it('hands errors of message handlers back untouched, for their retry and dead-letter handling', async () => {
    const filter = new ProblemDetailsFilter(new AppLogger(createLogger('test', 'silent')));
    const error = new Error('transient');
    const result = filter.catch(error, { getType: () => 'rpc' } as unknown as ArgumentsHost) as Observable<never>;
    await expect(lastValueFrom(result)).rejects.toBe(error);
  });
});
