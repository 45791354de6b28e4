import http from 'node:http';
import https from 'node:https';

export type PostOutcome =
  { kind: 'response'; status: number; body: string } | { kind: 'timeout' } | { kind: 'network-error'; message: string };

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs JSON the way Zoom's sender does; the whole response must arrive within `timeoutMs`.
 * One connection per request: a kept-alive socket the endpoint has just closed would turn into
 * a failed delivery and a retry the endpoint never deserved.
 */
export class WebhookPoster {
  private readonly httpAgent = new http.Agent({ keepAlive: false });
  private readonly httpsAgent = new https.Agent({ keepAlive: false });

  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: PostOutcome): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve(outcome);
        }
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve({ kind: 'network-error', message: `invalid URL ${url}` });
        return;
      }
      const secure = target.protocol === 'https:';
      const request = (secure ? https : http).request(target, {
        method: 'POST',
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Zoom Marketplace/1.0a',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      });
      const timer = setTimeout(() => {
        settle({ kind: 'timeout' });
        request.destroy();
      }, timeoutMs);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) {
            chunks.push(chunk);
          }
        });
        response.on('end', () =>
          settle({ kind: 'response', status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) => settle({ kind: 'network-error', message: error.message }));
      });
      request.on('error', (error) => settle({ kind: 'network-error', message: error.message }));
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
