// Answers a connection whose bytes are not HTTP (a body longer than its Content-Length leaves the rest to
// be read as a next request) with a 400 that says why, in the API's error shape, then closes it.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

export function explainClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const message = timeout
      ? 'The request took too long to arrive and was dropped.'
      : `The connection sent bytes that are not a valid HTTP request (${error.code ?? 'parse error'}); a body longer than its Content-Length does this. The connection is closed.`;
    const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
    socket.end(
      `HTTP/1.1 ${timeout ? '408 Request Timeout' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
