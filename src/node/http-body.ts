import type { IncomingMessage } from 'node:http';

/** Node-only (hence src/node, not src/shared, which also runs in the page): for the station bridge and the sandbox. */
export type BodyRead = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'cut-off' };

export interface BodyLimits {
  /** Bodies up to this size are kept. */
  keepBytes: number;
  /** Past `keepBytes` the rest is drained and dropped, so the client finishes sending and reads its 413; past
   * this the connection is dropped instead of reading on. */
  drainBytes: number;
}

/** Reads a request body within limits. A body that never ends is the server's requestTimeout to cut. */
export function readRequestBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limits.keepBytes) chunks.push(chunk);
      else chunks.length = 0;
      if (size > limits.drainBytes) req.destroy();
    });
    req.on('end', () =>
      resolve(
        size > limits.keepBytes ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    // After 'end' these change nothing (a promise settles once).
    req.on('close', () => resolve({ kind: 'cut-off' }));
    req.on('error', () => resolve({ kind: 'cut-off' }));
  });
}
