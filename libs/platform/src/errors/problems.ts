import { HttpException, HttpStatus } from '@nestjs/common';

/** Problem types are URIs under this base; `about:blank` stands for "no more than the status says". */
export const PROBLEM_TYPE_BASE = 'https://zoom-oomnitza-sync.dev/problems/';

export interface FieldError {
  /** Dotted path of the offending input, e.g. "scopes" or "filters.0.field". */
  field: string;
  message: string;
}

export interface ProblemSpec {
  status: number;
  /** Appended to PROBLEM_TYPE_BASE to form `type`. */
  slug: string;
  title: string;
  /** Shown to the caller: never put internals here. */
  detail: string;
  errors?: FieldError[];
  /** Further members of the problem document (RFC 7807 extensions), e.g. readiness checks. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** An error the caller is meant to see: ProblemDetailsFilter renders it as application/problem+json. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemSpec) {
    super(problem.detail, problem.status);
  }

  get type(): string {
    return `${PROBLEM_TYPE_BASE}${this.problem.slug}`;
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request is invalid: see errors for each field.') {
    super({ status: HttpStatus.BAD_REQUEST, slug: 'validation', title: 'Invalid request', detail, errors });
  }
}

export class UnauthorizedProblem extends ProblemException {
  constructor(detail = 'A valid API key is required (Authorization: Bearer <key> or x-api-key).') {
    super({
      status: HttpStatus.UNAUTHORIZED,
      slug: 'unauthorized',
      title: 'Unauthorized',
      detail,
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
}

export class ForbiddenProblem extends ProblemException {
  constructor(detail: string) {
    super({ status: HttpStatus.FORBIDDEN, slug: 'forbidden', title: 'Forbidden', detail });
  }
}

export class InsufficientScopeProblem extends ProblemException {
  constructor(missingScopes: string[]) {
    super({
      status: HttpStatus.FORBIDDEN,
      slug: 'insufficient-scope',
      title: 'Insufficient scope',
      detail: `The API key lacks the scope(s): ${missingScopes.join(', ')}.`,
      extensions: { missingScopes },
      headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${missingScopes.join(' ')}"` },
    });
  }
}

/** Also the answer for another tenant's object: its existence is not revealed. */
export class NotFoundProblem extends ProblemException {
  constructor(detail = 'The resource does not exist.') {
    super({ status: HttpStatus.NOT_FOUND, slug: 'not-found', title: 'Not found', detail });
  }
}

export class ConflictProblem extends ProblemException {
  constructor(detail: string) {
    super({ status: HttpStatus.CONFLICT, slug: 'conflict', title: 'Conflict', detail });
  }
}

export class ServiceUnavailableProblem extends ProblemException {
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super({ status: HttpStatus.SERVICE_UNAVAILABLE, slug: 'service-unavailable', title: 'Service unavailable', detail, extensions });
  }
}

/** Too many requests: try again after `retryAfterSeconds` (sent as Retry-After). */
export class RateLimitedProblem extends ProblemException {
  constructor(detail: string, retryAfterSeconds: number) {
    super({
      status: HttpStatus.TOO_MANY_REQUESTS,
      slug: 'rate-limited',
      title: 'Too many requests',
      detail,
      extensions: { retryAfterSeconds },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
