import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter } from 'prom-client';
import { BaseEnvironment } from '../config/base-environment';
import { ForbiddenProblem, InsufficientScopeProblem, UnauthorizedProblem } from '../errors/problems';
import type { HttpRequest } from '../http/http-types';
import { MetricsService } from '../metrics/metrics.service';
import { ApiKeyVerifier } from './api-key-verifier';
import { ADMIN_ONLY, IS_PUBLIC, REQUIRED_SCOPES } from './auth.decorators';
import { ADMIN_PRINCIPAL, missingScopes, Principal } from './principal';

type AuthenticatedRequest = HttpRequest & { principal?: Principal };

/**
 * Guards every HTTP route that is not @Public(): the caller presents an API key as
 * `Authorization: Bearer <key>` or `x-api-key: <key>`; the admin key or a tenant's live key
 * admits it, then @AdminOnly() and @RequireScopes() are checked.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly adminKeyDigest: Buffer;
  private readonly refusals: Counter<'reason'>;

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyVerifier,
    config: ConfigService<BaseEnvironment, true>,
    metrics: MetricsService,
  ) {
    this.adminKeyDigest = sha256(config.get('ADMIN_API_KEY', { infer: true }));
    this.refusals = metrics.counter('http_auth_refusals_total', 'HTTP requests refused by the API key guard', ['reason']);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = presentedKey(request);
    if (!presented) {
      return this.refuse('missing', new UnauthorizedProblem());
    }
    const principal = this.isAdminKey(presented) ? ADMIN_PRINCIPAL : await this.apiKeys.verify(presented);
    if (!principal) {
      return this.refuse('invalid', new UnauthorizedProblem('The API key is unknown or revoked.'));
    }
    request.principal = principal;

    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !principal.admin) {
      return this.refuse('not_admin', new ForbiddenProblem('Only the admin key may call this endpoint.'));
    }
    const missing = missingScopes(principal, this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES, targets) ?? []);
    if (missing.length > 0) {
      return this.refuse('insufficient_scope', new InsufficientScopeProblem(missing));
    }
    return true;
  }

  /** Compares digests so the comparison takes the same time whatever the presented key's length. */
  private isAdminKey(presented: string): boolean {
    return timingSafeEqual(sha256(presented), this.adminKeyDigest);
  }

  private refuse(reason: string, problem: Error): never {
    this.refusals.inc({ reason });
    throw problem;
  }
}

function presentedKey(request: HttpRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, credentials] = authorization.trim().split(/\s+/, 2);
    return scheme.toLowerCase() === 'bearer' && credentials ? credentials : undefined;
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.length > 0 ? apiKey : undefined;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
