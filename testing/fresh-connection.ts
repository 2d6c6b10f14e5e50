import http from 'node:http';

export interface FreshConnectionAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/**
 * POSTs `body` as JSON on a connection of its own, closed after the answer. node:cluster hands out
 * connections, not requests, round robin, so consecutive calls reach a clustered router's
 * processes in turn (fetch would reuse one kept-alive connection).
 */
export function postOnFreshConnection(url: string, body: unknown): Promise<FreshConnectionAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(url),
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}
