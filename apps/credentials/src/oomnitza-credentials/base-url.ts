import { OutboundAddressPolicy, refusalOfUrl } from '@zoom-oomnitza-sync/outbound-http';
import { ProblemException, ValidationProblem } from '@zoom-oomnitza-sync/platform';

/**
 * An Oomnitza base URL as stored: https (http only where allowed, since the API token would travel
 * in clear), no credentials, query or fragment, no trailing slash.
 */
export function normalizeBaseUrl(raw: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('baseUrl must be an absolute URL such as https://acme.oomnitza.com');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw invalid(
      allowHttp ? 'baseUrl must be an http or https URL' : 'baseUrl must be an https URL: the API token must not travel in clear',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalid('baseUrl must not hold credentials, a query or a fragment');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * A base URL whose host is, or resolves to, an address calls may not reach (private, loopback,
 * cloud metadata...) is refused when saved, with 422; it is checked again at every connection.
 */
export async function assertReachableBaseUrl(baseUrl: string, policy: OutboundAddressPolicy): Promise<void> {
  const refusal = await refusalOfUrl(baseUrl, policy);
  if (refusal) {
    throw new ProblemException({
      status: 422,
      slug: 'oomnitza-address-refused',
      title: 'The Oomnitza address cannot be used',
      detail: refusal,
      errors: [{ field: 'baseUrl', message: refusal }],
    });
  }
}

function invalid(message: string): ValidationProblem {
  return new ValidationProblem([{ field: 'baseUrl', message }]);
}
