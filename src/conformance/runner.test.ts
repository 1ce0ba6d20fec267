/** The runner's own rules (classification, verdicts, timeouts, cleanup) with stub controllers; no sandbox. */
import { describe, expect, it } from 'vitest';
import { CASES, mayWrite, selectCases, type ConformanceCase } from './cases';
import { classify, controllerBase, judge, runConformance, type Outcome } from './runner';

const TOKEN = 'STUB-TOKEN-1';
const byId = (id: string): ConformanceCase => {
  const found = CASES.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('classify', () => {
  it('goes by ErrorCode first, whatever the status, numbers or digit strings', () => {
    expect(classify(200, '{"ErrorCode":9002,"ErrorMessage":"x"}')).toEqual({ kind: 'error', status: 200, code: 9002 });
    expect(classify(500, '{"ErrorCode":"9009"}')).toEqual({ kind: 'error', status: 500, code: 9009 });
  });

  it('knows the documented success bodies, with a 2xx status only', () => {
    const success = '{"status":"success","reference_id":"abc-1","InternalReferenceID":"abc-1"}';
    expect(classify(200, success)).toEqual({ kind: 'success', status: 200, referenceId: 'abc-1' });
    expect(classify(200, '{"data":[{"type":"temp","zone":"Lot 1","total":"4"}]}')).toEqual({
      kind: 'stats',
      status: 200,
    });
    expect(classify(200, '{"data":[]}')).toEqual({ kind: 'stats', status: 200 });
    expect(classify(500, success).kind).toBe('unexpected');
  });

  it('calls anything else unexpected, quoting the first 80 characters on one line', () => {
    expect(classify(200, '{"data":[{"type":"temp","zone":"Lot 1","total":4}]}').kind).toBe('unexpected');
    expect(classify(200, '{"status":"ok"}')).toEqual({ kind: 'unexpected', status: 200, text: '{"status":"ok"}' });
    expect(classify(502, '')).toEqual({ kind: 'unexpected', status: 502, text: '(empty body)' });
    const html = `<html>\n  <body>${'x'.repeat(200)}</body></html>`;
    expect(classify(503, html)).toEqual({ kind: 'unexpected', status: 503, text: `<html> <body>${'x'.repeat(67)}…` });
  });
});

describe('judge', () => {
  const error = (code: number): Outcome => ({ kind: 'error', status: 400, code });
  const success: Outcome = { kind: 'success', status: 200, referenceId: 'r' };

  it('documented cases: the expected answer passes, anything else fails', () => {
    expect(judge(byId('push.plate.26-chars'), error(9021)).result).toBe('PASS');
    expect(judge(byId('push.plate.26-chars'), error(9033)).result).toBe('FAIL');
    expect(judge(byId('push.plate.26-chars'), success)).toMatchObject({ result: 'FAIL', got: 'success (HTTP 200)' });
  });

  it('refusal-only cases: another code is informational, a success fails', () => {
    const c = byId('push.start.invalid');
    expect(judge(c, error(9007)).result).toBe('PASS');
    expect(judge(c, error(9033))).toMatchObject({ result: 'INFO', expected: 'any error (9007)' });
    expect(judge(c, success).result).toBe('FAIL');
  });

  it('undocumented cases: any well-formed answer is informational', () => {
    const c = byId('push.currency.other');
    expect(judge(c, success).result).toBe('PASS');
    expect(judge(c, error(9033))).toMatchObject({ result: 'INFO', expected: 'success (sandbox)' });
    expect(judge(c, { kind: 'unexpected', status: 500, text: 'boom' }).result).toBe('FAIL');
    expect(judge(c, { kind: 'no-answer', reason: 'nothing within 10 s' }).result).toBe('FAIL');
  });

  it('probes: both answers are informational and say what happened; no JSON answer still fails', () => {
    const c = byId('push.repeat.permitNo');
    expect(judge(c, { kind: 'error', status: 409, code: 9022 })).toMatchObject({
      result: 'INFO',
      expected: '9022 or success',
      got: '9022 (HTTP 409): refused as already stored',
    });
    expect(judge(c, success)).toMatchObject({ result: 'INFO', got: 'success (HTTP 200): accepted again, not refused' });
    expect(judge(c, error(9033))).toMatchObject({ result: 'INFO', got: '9033 (HTTP 400): neither 9022 nor success' });
    expect(judge(c, { kind: 'no-answer', reason: 'nothing within 10 s' }).result).toBe('FAIL');
  });
});

describe('the table', () => {
  it('has unique ids that start with their endpoint', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) expect(c.id.startsWith(`${c.endpoint}.`)).toBe(true);
  });

  it('explains every case the docs do not fully settle', () => {
    const unsettled = CASES.filter((c) => c.documented !== undefined || c.finds !== undefined);
    for (const c of unsettled) expect(c.why).toBeTruthy();
  });

  it('has one probe, for the repeated ticket number, which only runs with --allow-writes', () => {
    const probes = CASES.filter((c) => c.finds !== undefined);
    expect(probes.map((c) => [c.id, c.finds?.setting.key, mayWrite(c)])).toEqual([
      ['push.repeat.permitNo', 'repeatedTicketRefused', true],
    ]);
  });

  it('selects by id prefix', () => {
    expect(selectCases(['push.alias.plate']).map((c) => c.id)).toEqual(['push.alias.plate']);
    expect(selectCases(['stats.', 'delete.example']).every((c) => c.endpoint !== 'push')).toBe(true);
    expect(selectCases([])).toHaveLength(CASES.length);
  });
});

describe('runConformance with stub controllers', () => {
  it('reports "no answer" when the controller is silent past the timeout', async () => {
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const run = await runConformance({
      url: 'http://controller.test',
      token: TOKEN,
      allowWrites: false,
      fetch: silent,
      timeoutMs: 50,
      cases: [byId('stats.zones.none')],
    });
    expect(run.results[0]).toMatchObject({ result: 'FAIL', got: 'no answer: nothing within 0.05 s' });
  });

  it('reports an unreachable controller as "no answer"', async () => {
    const run = await runConformance({
      url: 'http://127.0.0.1:9',
      token: TOKEN,
      allowWrites: false,
      cases: [byId('stats.zones.none')],
    });
    expect(run.results[0]?.got).toMatch(/^no answer: /);
  });

  it('reports a redirect instead of following it, and never shows the token', async () => {
    const seen: RequestInit[] = [];
    const redirecting: typeof fetch = async (_input, init) => {
      seen.push(init ?? {});
      return new Response(`moved, ${TOKEN}`, { status: 301, headers: { location: 'https://elsewhere.test/' } });
    };
    const run = await runConformance({
      url: 'http://controller.test/',
      token: TOKEN,
      allowWrites: false,
      fetch: redirecting,
      cases: [byId('stats.zones.none')],
    });
    expect(seen[0]?.redirect).toBe('manual');
    expect(run.results[0]).toMatchObject({
      result: 'FAIL',
      got: 'unexpected: HTTP 301 redirect to https://elsewhere.test/ moved, [redacted]',
    });
  });

  it('redacts the token before cutting an answer to 80 characters, so no piece of it shows', async () => {
    const echo: typeof fetch = async () => new Response(`${'x'.repeat(76)}${TOKEN}`, { status: 500 });
    const run = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: false,
      fetch: echo,
      cases: [byId('stats.zones.none')],
    });
    expect(run.results[0]?.got).toBe(`unexpected: HTTP 500 ${'x'.repeat(76)}[red…`);
  });

  it('reads an endless answer only up to 64 KiB, and says so', async () => {
    let pulled = 0;
    const endless: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 1;
            controller.enqueue(new Uint8Array(16 * 1024).fill(120));
          },
        }),
        { status: 200 },
      );
    const run = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: false,
      fetch: endless,
      cases: [byId('stats.zones.none')],
    });
    expect(run.results[0]?.got).toBe('unexpected: HTTP 200 (an answer over 64 KiB, not read)');
    expect(pulled).toBeLessThan(20);
  });

  it('cleans up every permit a push created, expected or not, and lists those it could not delete', async () => {
    let next = 0;
    const calls: string[] = [];
    // Accepts every push (even the ones that should be refused); refuses to delete the second permit.
    const lenient: typeof fetch = async (input, init) => {
      const endpoint = String(input).split('/').pop() ?? '';
      const body = JSON.parse(String(init?.body)) as Record<string, string>;
      calls.push(endpoint);
      if (endpoint === 'push') {
        next += 1;
        return json(200, { status: 'success', reference_id: `ref-${next}`, InternalReferenceID: `ref-${next}` });
      }
      if (body.referenceID === 'ref-2') return new Response('<html>gateway</html>', { status: 502 });
      return json(200, { status: 'success', reference_id: body.referenceID, InternalReferenceID: body.referenceID });
    };
    const results: string[] = [];
    const run = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: true,
      fetch: lenient,
      cases: [byId('push.example'), byId('push.plate.26-chars'), byId('push.amount.zero')],
      onResult: (r) => results.push(`${r.id} ${r.result}`),
    });
    expect(results).toEqual(['push.example PASS', 'push.plate.26-chars FAIL', 'push.amount.zero FAIL']);
    expect(run.cleanup).toEqual({
      deleted: ['ref-1', 'ref-3'],
      alreadyGone: [],
      failed: [{ referenceId: 'ref-2', got: 'unexpected: HTTP 502 <html>gateway</html>' }],
    });
    expect(calls).toEqual(['push', 'push', 'push', 'delete', 'delete', 'delete']);
  });

  it('does not delete again what a delete case already removed, and counts 9009 at cleanup as already gone', async () => {
    const deletes: string[] = [];
    let pushes = 0;
    const controller: typeof fetch = async (input, init) => {
      const endpoint = String(input).split('/').pop() ?? '';
      const body = JSON.parse(String(init?.body)) as Record<string, string>;
      if (endpoint === 'push') {
        pushes += 1;
        return json(200, { status: 'success', reference_id: `ref-${pushes}` });
      }
      if (endpoint === 'update') return json(200, { ErrorCode: 9009 });
      deletes.push(body.referenceID ?? '');
      return body.referenceID === 'ref-2'
        ? json(404, { ErrorCode: 9009, ErrorMessage: 'Record not found.' })
        : json(200, { status: 'success', reference_id: body.referenceID });
    };
    const run = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: true,
      fetch: controller,
      cases: [byId('delete.example'), byId('update.example')],
    });
    expect(run.results.map((r) => r.result)).toEqual(['PASS', 'FAIL']);
    expect(deletes).toEqual(['ref-1', 'ref-2']);
    expect(run.cleanup).toEqual({ deleted: [], alreadyGone: ['ref-2'], failed: [] });
  });

  it('fails a case whose permit could not be prepared, and one answered for another reference id', async () => {
    const refusing: typeof fetch = async () => json(400, { ErrorCode: 9033 });
    const notPrepared = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: true,
      fetch: refusing,
      cases: [byId('update.example')],
    });
    expect(notPrepared.results[0]).toMatchObject({
      result: 'FAIL',
      got: 'not run: its push beforehand got 9033 (HTTP 400)',
    });

    const confused: typeof fetch = async (input) =>
      json(200, { status: 'success', reference_id: String(input).endsWith('/update') ? 'another-id' : 'ref-1' });
    const other = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: true,
      fetch: confused,
      cases: [byId('update.alias.plate')],
    });
    expect(other.results[0]?.got).toBe('success (HTTP 200) for another reference_id, another-id');
    expect(other.results[0]?.result).toBe('FAIL');
  });

  it('stops starting cases once aborted, and still cleans up', async () => {
    const stop = new AbortController();
    let pushes = 0;
    const controller: typeof fetch = async (input) => {
      if (String(input).endsWith('/push')) {
        pushes += 1;
        stop.abort();
        return json(200, { status: 'success', reference_id: `ref-${pushes}` });
      }
      return json(200, { status: 'success', reference_id: 'ref-1' });
    };
    const run = await runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: true,
      fetch: controller,
      signal: stop.signal,
      cases: [byId('push.example'), byId('push.alias.plate')],
    });
    expect(run.results.map((r) => r.id)).toEqual(['push.example']);
    expect(run.cleanup.deleted).toEqual(['ref-1']);
  });

  it('still cleans up when reporting a result throws', async () => {
    const deletes: string[] = [];
    const controller: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/push')) return json(200, { status: 'success', reference_id: 'ref-1' });
      deletes.push(String(init?.body));
      return json(200, { status: 'success', reference_id: 'ref-1' });
    };
    const run = runConformance({
      url: 'https://controller.test',
      token: TOKEN,
      allowWrites: true,
      fetch: controller,
      cases: [byId('push.example')],
      onResult: () => {
        throw new Error('stdout closed');
      },
    });
    await expect(run).rejects.toThrow('stdout closed');
    expect(deletes).toEqual([JSON.stringify({ apiToken: TOKEN, referenceID: 'ref-1' })]);
  });

  it('accepts the base address with or without the API path', () => {
    expect(controllerBase('https://c.test/')).toBe('https://c.test');
    expect(controllerBase('https://c.test/api/OC-TOMA/v1/permits/')).toBe('https://c.test');
    expect(controllerBase('https://c.test/proxy')).toBe('https://c.test/proxy');
  });
});
