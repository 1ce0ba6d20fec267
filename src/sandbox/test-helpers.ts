/** Shared by the sandbox tests: start a sandbox on a free port and talk to it over real HTTP. */
import { afterEach } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './server';

export const TOKEN = 'TEST-TOKEN-1';

/** The vendor page's push example, field names exactly as sent there. */
export const DOCUMENTED_PUSH = {
  apiToken: TOKEN,
  Amount: '14.50',
  CurrencyID: 'CAD',
  LicencePlate: 'PL8RDR',
  zone: 'Lot 4',
  permitNo: 'L4-1138',
  startTime: '2018-07-02T09:00:00',
  endTime: '2018-07-02T09:30:00',
} as const;

export const MINIMAL_PUSH = {
  apiToken: TOKEN,
  plate: 'ABC123',
  startTime: '2018-07-02T09:00:00',
  endTime: '2018-07-02T09:30:00',
} as const;

const running: RunningSandbox[] = [];

/** Every sandbox a test starts is closed after it, pass or fail. */
export function useSandboxes(): void {
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  });
}

export async function start(options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ tokens: [TOKEN], ...options });
  running.push(sandbox);
  return sandbox;
}

export interface Answer {
  status: number;
  json: Record<string, unknown>;
}

export async function call(sandbox: RunningSandbox, action: string, body: unknown): Promise<Answer> {
  return raw(sandbox, `/api/OC-TOMA/v1/permits/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function raw(sandbox: RunningSandbox, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${sandbox.url}${path}`, init);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export async function pushOk(sandbox: RunningSandbox, body: Record<string, unknown>): Promise<string> {
  const answer = await call(sandbox, 'push', body);
  if (answer.status !== 200 || typeof answer.json.reference_id !== 'string')
    throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json.reference_id;
}

/** A copy of a body without one key, for "field missing" cases. */
export function without(body: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
}
