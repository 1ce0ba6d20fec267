/** Reading a request body and writing an answer: the HTTP plumbing the sandbox's routes share. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRequestBody } from '../node/http-body';

const MAX_BODY_BYTES = 64 * 1024;
/** Past this, stop draining an oversized body and drop the connection rather than read forever. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ReadBody {
  text: string;
  tooLarge: boolean;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

/** The body as the handlers see it: a body cut off or over 64 KiB is answered as too large (413). */
export async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const read = await readRequestBody(req, { keepBytes: MAX_BODY_BYTES, drainBytes: MAX_DRAIN_BYTES });
  return read.kind === 'ok' ? { text: read.text, tooLarge: false } : { text: '', tooLarge: true };
}

export function parseJson(read: ReadBody): ParsedBody {
  if (read.tooLarge || read.text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

export function send(res: ServerResponse, reply: Reply): void {
  sendText(res, reply.status, { ...JSON_HEADERS, ...reply.headers }, JSON.stringify(reply.body));
}

export function sendText(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, {
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
