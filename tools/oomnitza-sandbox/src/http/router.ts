import { IncomingHttpHeaders } from 'node:http';

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the request has none. */
  body(): Promise<unknown>;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

export type Handler = (context: RequestContext) => Reply | Promise<Reply>;

interface PatternRoute {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

export type Resolution =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/**
 * Method + path routing without a framework: paths without parameters are one map lookup (the
 * bulk hot path is one of them); `:name` segments are matched segment by segment.
 */
export class Router {
  private readonly exact = new Map<string, Map<string, Handler>>();
  private readonly patterns: PatternRoute[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    if (pattern.includes('/:')) {
      this.patterns.push({ method, segments: pattern.split('/'), handler });
    } else {
      const methods = this.exact.get(pattern) ?? new Map<string, Handler>();
      methods.set(method, handler);
      this.exact.set(pattern, methods);
    }
    return this;
  }

  resolve(method: string, path: string): Resolution {
    const methods = this.exact.get(path);
    const exact = methods?.get(method);
    if (exact) {
      return { kind: 'found', handler: exact, params: {} };
    }
    const allowed = methods ? [...methods.keys()] : [];
    const segments = path.split('/');
    for (const route of this.patterns) {
      const params = matchSegments(route.segments, segments);
      if (!params) {
        continue;
      }
      if (route.method === method) {
        return { kind: 'found', handler: route.handler, params };
      }
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index];
    if (expected.startsWith(':')) {
      if (segments[index] === '') {
        return undefined;
      }
      try {
        params[expected.slice(1)] = decodeURIComponent(segments[index]);
      } catch {
        return undefined;
      }
    } else if (expected !== segments[index]) {
      return undefined;
    }
  }
  return params;
}
