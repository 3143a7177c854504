import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Plumbing every stand-in server needs that is not about its cloud's protocol. */

/**
 * The request body as text, rejecting with the cloud's own "too large" error once it passes
 * `maxBytes`: a stand-in must not buffer whatever a client sends.
 */
export function readBoundedBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) reject(tooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Waits `ms`, or less if the client hangs up first: a cancelled call must not hold the server. */
export function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done(): void {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

/** Stops listening and drops open keep-alive connections, so a test's afterAll never hangs. */
export function stopServer(server: Pick<Server, 'close' | 'closeAllConnections'>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
