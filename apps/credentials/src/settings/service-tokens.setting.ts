export const SERVICE_NAME_FORMAT = /^[a-z][a-z0-9-]{0,62}$/;
export const MIN_SERVICE_TOKEN_LENGTH = 32;

export interface ParsedServiceTokens {
  tokens: Map<string, string>;
  /** Each names the entry or service at fault, never the token. */
  problems: string[];
}

/** Parses `service:token[,service:token...]` (INTERNAL_SERVICE_TOKENS). */
export function parseServiceTokens(raw: unknown): ParsedServiceTokens {
  const tokens = new Map<string, string>();
  const problems: string[] = [];
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { tokens, problems: ['must list at least one calling service as service:token'] };
  }
  const owners = new Map<string, string>();
  raw.split(',').forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const service = entry.slice(0, separator).trim();
    const token = entry.slice(separator + 1).trim();
    if (separator < 0 || !SERVICE_NAME_FORMAT.test(service)) {
      problems.push(`entry ${index + 1} must look like service:token (a service name is lower-case letters, digits and "-")`);
      return;
    }
    if (tokens.has(service)) {
      problems.push(`service "${service}" is listed twice`);
      return;
    }
    if (token.length < MIN_SERVICE_TOKEN_LENGTH || /\s/.test(token)) {
      problems.push(`the token of "${service}" must be at least ${MIN_SERVICE_TOKEN_LENGTH} characters without spaces`);
      return;
    }
    const owner = owners.get(token);
    if (owner) {
      problems.push(`"${owner}" and "${service}" share a token: give each service its own`);
      return;
    }
    owners.set(token, service);
    tokens.set(service, token);
  });
  return { tokens, problems };
}
