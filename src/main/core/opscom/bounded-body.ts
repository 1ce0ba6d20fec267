/**
 * Reading an answer from outside without trusting its size. OPSCOM's documented replies are tiny JSON bodies
 * (under 300 bytes), yet a controller, or a proxy or captive portal in front of it, may answer with a body that
 * never ends: read whole, it took 7.4 GB of memory and the station with it (#19). The body is read chunk by
 * chunk with a byte counter, and past the cap the rest is cancelled, never buffered.
 */

/** 64 KiB: some 200 times the largest documented reply, and small enough to hold for any number of calls. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export type BoundedBody = { kind: 'ok'; text: string } | { kind: 'too-large'; readBytes: number };

/**
 * The body as UTF-8 text (like `response.text()`), or `too-large` as soon as it passes `maxBytes` (or its
 * Content-Length says it will). The body is then cancelled, which closes the connection rather than reading on.
 * How long it may take is the caller's limit to enforce (an abort of the request ends the read).
 */
export async function readBoundedBody(
  response: Pick<Response, 'body' | 'headers'>,
  maxBytes = MAX_ANSWER_BYTES,
): Promise<BoundedBody> {
  const body = response.body;
  if (!body) return { kind: 'ok', text: '' };
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    return { kind: 'too-large', readBytes: 0 };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large', readBytes: size };
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'ok', text: new TextDecoder().decode(whole) };
}
