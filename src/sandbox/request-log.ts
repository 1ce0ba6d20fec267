/**
 * What the sandbox remembers of each API request, served at /__sandbox/requests. Bodies are kept as sent, minus
 * API tokens: in demo mode the sandbox runs inside a kiosk on a public machine. Tests read what was sent; none
 * needs the token itself.
 */
import type { ParsedBody, ReadBody } from './http-io';

export interface SandboxRequest {
  at: string;
  method: string;
  path: string;
  /** The body as sent (or its text, when it is not JSON), with every API token replaced by "[redacted]". */
  body: unknown;
  /**
   * The status answered. For every store-then-* fault, the status the request earned (it was handled and
   * stored), whatever the client got instead: nothing, a reset, a late or cut answer, or a 500. Null when no
   * answer was ever formed (reset, hang).
   */
  status: number | null;
  /**
   * The body answered (a string for a fault's non-JSON answer), or for store-then-* the body earned; null with
   * a null status.
   */
  response: unknown;
  /** Present when a fault applied, e.g. 'reset', 'latency', 'latency+store-then-drop'. */
  fault?: string;
  /** Milliseconds of latency added, when a latency fault applied. */
  latencyMs?: number;
}

/** What an API token becomes in the request log. */
export const REDACTED = '[redacted]';

export class RequestLog {
  private entries: SandboxRequest[] = [];

  add(entry: SandboxRequest): void {
    this.entries.push(entry);
  }

  /** A copy, so a reader cannot change the log. */
  list(): SandboxRequest[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}

/** What the log keeps of a body: the JSON, else its text (null if empty or too large), tokens redacted either way. */
export function loggedBody(read: ReadBody, parsed: ParsedBody): unknown {
  if (parsed.ok) return redactTokens(parsed.value);
  return read.tooLarge || read.text === '' ? null : redactTokenText(read.text);
}

/** The sandbox reads the token only from `apiToken`; any spelling of the name is hidden, in case a client errs. */
const isTokenKey = (key: string): boolean => key.toLowerCase() === 'apitoken';

/** A copy of a parsed body with every token field, at any depth, replaced by REDACTED. */
function redactTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, isTokenKey(key) ? REDACTED : redactTokens(item)]),
  );
}

/** `"apiToken": <string, even cut off, or any bare value>` in a body that is not JSON. */
const TOKEN_IN_TEXT = /("apitoken"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]]+)/gi;

/** The same for a body kept as text (not JSON, or cut off): the token is the value after an apiToken key. */
function redactTokenText(text: string): string {
  return text.replace(TOKEN_IN_TEXT, `$1"${REDACTED}"`);
}
