import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../errors.ts';

const REFUSALS: Record<string, { status: string; code: ErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    code: ErrorCode.RequestHeadersTooLarge,
    message: 'The request headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: '408 Request Timeout',
    code: ErrorCode.BadRequest,
    message: 'The request took too long to arrive.',
  },
};

const MALFORMED = { status: '400 Bad Request', code: ErrorCode.BadRequest, message: 'The HTTP request is malformed.' };

/**
 * Answers a request Node's HTTP parser refuses (headers over its 16 KB limit, a malformed request
 * line or header) in the same JSON shape, with a stable code, as every other refusal; Node's own
 * answer is a bare status line.
 */
export function refuseMalformedRequests(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, code, message } = (error.code ? REFUSALS[error.code] : undefined) ?? MALFORMED;
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
