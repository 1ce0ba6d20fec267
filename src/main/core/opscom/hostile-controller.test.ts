/**
 * A hostile controller against the whole kiosk core (#19): a real HTTP server on 127.0.0.1 that answers a push
 * endlessly, with 50 MB of JSON, with 5 MB error messages or a byte at a time. Each answer must end as unclear
 * (OPSCOM may hold the permit: counted, never voided), the process must stay far from the 7.4 GB an endless body
 * once cost, and the data folder must not keep what the controller sent.
 */
import { readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxItem } from '../../../shared/outbox/outbox-view';
import { startTestKiosk, value, type TestKiosk } from '../testing/test-kiosk';
import { issue, viewPermit } from '../testing/permit-actions';

/** How long a test waits for what happens after an answer (a close, a parked permit) before it fails. */
const CLOSE_PATIENCE = { timeout: 10_000, interval: 50 };

const MIB = 1024 * 1024;
/** How many hostile answers each permit's push gets before the controller behaves. */
const HOSTILE_ANSWERS = 3;

type Mode = 'endless' | 'fifty-mb-json' | 'huge-error' | 'drip' | 'long-error';

/** Writes pieces from `next` as fast as the client reads, until `next` has no more or the connection closes. */
function pour(res: http.ServerResponse, next: () => string | null): void {
  res.on('error', () => undefined);
  const more = () => {
    while (!res.destroyed) {
      const piece = next();
      if (piece === null) return void res.end();
      if (!res.write(piece)) return void res.once('drain', more);
    }
  };
  more();
}

const HUGE_MESSAGE = `Field value invalid. ${'The plate is not accepted here. '.repeat((5 * MIB) / 32)}`;

function answer(mode: Mode, res: http.ServerResponse): void {
  switch (mode) {
    case 'endless': {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const piece = 'x'.repeat(64 * 1024);
      let first = true;
      return pour(res, () => (first ? ((first = false), '{"status":"success","pad":"') : piece));
    }
    case 'fifty-mb-json': {
      // Well-formed JSON, 50 MB of it, with no Content-Length: only counting the bytes can stop it.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const row = '{"status":"success","reference_id":"abc-1"},';
      const rows = (50 * MIB) / row.length;
      let sent = -1;
      return pour(res, () => {
        sent += 1;
        if (sent === 0) return '[';
        if (sent <= rows) return row.repeat(100);
        return sent === rows + 1 ? '{}]' : null;
      });
    }
    case 'huge-error': {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      const text = JSON.stringify({ ErrorCode: 9033, ErrorMessage: HUGE_MESSAGE });
      let at = 0;
      return pour(res, () => (at >= text.length ? null : text.slice(at, (at += 256 * 1024))));
    }
    case 'long-error': {
      // Within the 64 KiB cap, so it is read: the documented refusal, with OPSCOM's words cut.
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ ErrorCode: 9033, ErrorMessage: HUGE_MESSAGE.slice(0, 50_000) }));
    }
    case 'drip': {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.on('error', () => undefined);
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
      return;
    }
  }
}

let server: http.Server;
let url = '';
let kiosk: TestKiosk;
/** The mode for each plate's pushes, and how many hostile answers each plate got. */
const modes = new Map<string, Mode>();
const served = new Map<string, number>();

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const plate = (JSON.parse(text) as { LicencePlate: string }).LicencePlate;
      answer(modes.get(plate) ?? 'endless', res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  kiosk = await startTestKiosk({ core: { requestTimeouts: { softMs: 1000, hardMs: 1000 } } });
  kiosk.network.intercept = async (apiPath, body, forward, init) => {
    const plate = body.LicencePlate ?? '';
    if (!apiPath.endsWith('/push') || !modes.has(plate) || (served.get(plate) ?? 0) >= HOSTILE_ANSWERS)
      return forward();
    served.set(plate, (served.get(plate) ?? 0) + 1);
    return fetch(`${url}${apiPath}`, init);
  };
});

afterAll(async () => {
  await kiosk?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a hostile controller', () => {
  it('answers endlessly, hugely and slowly: every answer is unclear, memory and disk stay bounded', async () => {
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const bytesBefore = await folderBytes(kiosk.dataDir);
    try {
      for (const [plate, mode, problem] of [
        ['ENDLESS1', 'endless', 'opscom-answer-too-large'],
        ['JSON50MB', 'fifty-mb-json', 'opscom-answer-too-large'],
        ['HUGEERR1', 'huge-error', 'opscom-answer-too-large'],
        ['DRIP1', 'drip', 'opscom-answer-too-slow'],
      ] as const) {
        modes.set(plate, mode);
        const permit = await issue(kiosk, plate);
        // Three unclear answers, each a copy OPSCOM may hold; then the controller behaves and the push lands.
        await vi.waitFor(
          async () => expect((await viewPermit(kiosk, permit.ticketNumber)).references).toHaveLength(1),
          10_000,
        );
        const seen = await viewPermit(kiosk, permit.ticketNumber);
        expect([plate, seen.unreachableCopies.map((copy) => copy.why)]).toEqual([
          plate,
          Array(HOSTILE_ANSWERS).fill('unreadable'),
        ]);
        expect(kiosk.logLines.filter((line) => line.includes(`${problemWords[problem]}`)).length).toBeGreaterThan(0);
      }
      // Every connection to the hostile server was closed by the kiosk, not left reading.
      await vi.waitFor(async () => {
        const open = await new Promise<number>((resolve) => server.getConnections((_e, count) => resolve(count)));
        expect(open).toBe(0);
        // Patience, not a looser check: on a loaded 2-core machine the server learns of a close after vitest's 1 s.
      }, CLOSE_PATIENCE);
    } finally {
      clearInterval(sampler);
    }
    const grownMib = (rssPeak - rssBefore) / MIB;
    const folderGrowth = (await folderBytes(kiosk.dataDir)) - bytesBefore;
    console.info(`hostile controller: RSS +${grownMib.toFixed(1)} MiB at most, data folder +${folderGrowth} bytes`);
    expect(grownMib).toBeLessThan(300);
    // Three 5 MB error messages (and the rest) left less than 1 MiB in the data folder.
    expect(folderGrowth).toBeLessThan(MIB);
  }, 20_000);

  it('a long ErrorMessage within the cap: the documented refusal, kept cut to 300 characters', async () => {
    const bytesBefore = await folderBytes(kiosk.dataDir);
    modes.set('LONGERR1', 'long-error');
    const permit = await issue(kiosk, 'LONGERR1');
    await vi.waitFor(
      async () => expect((await viewPermit(kiosk, permit.ticketNumber)).sync).toBe('attention'),
      CLOSE_PATIENCE,
    );
    const seen = await viewPermit(kiosk, permit.ticketNumber);
    expect(seen.unreachableCopies).toEqual([]); // 9033 is documented: OPSCOM refused it, nothing stored
    const theirs = String(seen.syncProblem?.params?.controllerMessage ?? '');
    expect([...theirs]).toHaveLength(300);
    expect(theirs).toMatch(/^Field value invalid\. The plate.*…$/);
    const items = value<{ items: OutboxItem[] }>(await kiosk.core.dispatch('outbox:list', {})).items;
    expect(items.find((item) => item.ticketNumber === permit.ticketNumber)?.lastProblem).toEqual(seen.syncProblem);
    expect((await folderBytes(kiosk.dataDir)) - bytesBefore).toBeLessThan(64 * 1024);
  });
});

const problemWords = {
  'opscom-answer-too-large': 'larger than 64 KiB',
  'opscom-answer-too-slow': 'still arriving after 1 s',
} as const;
