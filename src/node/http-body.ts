import type { IncomingMessage } from 'node:http';

/** Node-only (hence src/node, not src/shared, which also runs in the page): for the station bridge and the sandbox. */
export type BodyRead = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'cut-off' };

export interface BodyLimits {
  /** Bodies up to this size are kept. */
  keepBytes: number;
  /** Past `keepBytes` the rest is read and dropped while the 413 goes out; past this the connection is dropped
   * instead of reading on. */
  drainBytes: number;
}

/**
 * Reads a request body within limits. A body that never ends is the server's requestTimeout to cut.
 *
 * `too-large` is known as soon as the Content-Length says so, or the bytes pass `keepBytes`: the caller answers
 * 413 at once (with `Connection: close`), while the client is still sending. Waiting for the end of a large body
 * (or cutting it off unanswered) would leave the client with a reset instead of the answer. What follows is read
 * and dropped until the connection closes, never kept.
 */
export function readRequestBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => {
      chunks.length = 0;
      resolve({ kind: 'too-large' });
    };
    if (Number.isFinite(declared) && declared > limits.keepBytes) tooLarge();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limits.keepBytes) chunks.push(chunk);
      else tooLarge();
      if (size > limits.drainBytes) req.destroy();
    });
    req.on('end', () =>
      resolve(
        size > limits.keepBytes ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    // After 'end' or 'too-large' these change nothing (a promise settles once).
    req.on('close', () => resolve({ kind: 'cut-off' }));
    req.on('error', () => resolve({ kind: 'cut-off' }));
  });
}
