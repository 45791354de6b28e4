export type RouteResolution<H> =
  { kind: 'found'; handler: H; params: Record<string, string> } | { kind: 'method-not-allowed'; allowed: string[] } | { kind: 'not-found' };

interface PatternRoute<H> {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: H;
}

/**
 * Method + path routing without a framework, for any handler type. Paths without parameters are
 * one map lookup (hot paths such as Oomnitza's bulk endpoint are among them); `:name` segments are
 * matched segment by segment, in the order the routes were added.
 */
export class Router<H> {
  private readonly exact = new Map<string, Map<string, H>>();
  private readonly patterns: PatternRoute<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    const segments = pattern.split('/');
    if (segments.some((segment) => segment.startsWith(':'))) {
      this.patterns.push({ method, segments, handler });
    } else {
      const methods = this.exact.get(pattern) ?? new Map<string, H>();
      methods.set(method, handler);
      this.exact.set(pattern, methods);
    }
    return this;
  }

  /** The handler and its decoded params; or, when the path is known but not for `method`, the methods it allows. */
  resolve(method: string, path: string): RouteResolution<H> {
    const methods = this.exact.get(path);
    const exact = methods?.get(method);
    if (exact !== undefined) {
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
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed: [...new Set(allowed)] } : { kind: 'not-found' };
  }
}

/** The params, or undefined when the path does not fit; a param must be non-empty and well-formed percent-encoding. */
function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index];
    if (!expected.startsWith(':')) {
      if (expected !== segments[index]) {
        return undefined;
      }
      continue;
    }
    const value = decodeSegment(segments[index]);
    if (!value) {
      return undefined;
    }
    params[expected.slice(1)] = value;
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
