import { describe, expect, it } from 'vitest';
import { CASES } from './cases';
import { parseConformanceArgs } from './cli-args';
import { closingLine, formatCleanup, formatHints } from './report';
import type { CaseResult } from './runner';

describe('parseConformanceArgs', () => {
  it('reads every flag', () => {
    const parsed = parseConformanceArgs([
      '--url',
      'https://preview.example/',
      '--token',
      'T-1',
      '--allow-writes',
      '--zones',
      'Lot 1, Lot 2 ,',
      '--only',
      'push.alias',
      '--only=stats.',
    ]);
    expect(parsed.kind).toBe('run');
    if (parsed.kind !== 'run') return;
    expect(parsed.args).toMatchObject({
      url: 'https://preview.example',
      token: 'T-1',
      allowWrites: true,
      zones: ['Lot 1', 'Lot 2'],
    });
    expect(parsed.args.cases.every((c) => c.id.startsWith('push.alias') || c.id.startsWith('stats.'))).toBe(true);
  });

  it('defaults to read-only, every case and zones "Lot 1,Lot 2"; URL and token may come from the environment', () => {
    const parsed = parseConformanceArgs([], { OPSCOM_URL: 'https://preview.example', OPSCOM_TOKEN: 'ENV-T' });
    expect(parsed).toEqual({
      kind: 'run',
      args: {
        url: 'https://preview.example',
        token: 'ENV-T',
        allowWrites: false,
        zones: ['Lot 1', 'Lot 2'],
        cases: [...CASES],
      },
    });
  });

  it.each([
    [[], /--url/],
    [['--url', 'https://c.example'], /--token/],
    [['--url', 'not a url', '--token', 'T'], /web address/],
    [['--url', 'ftp://c.example', '--token', 'T'], /https:\/\//],
    [['--url', 'http://c.example', '--token', 'T'], /unencrypted/],
    [['--url', 'https://c.example?x=1', '--token', 'T'], /bare controller address/],
    [['--url', 'https://c.example', '--token', 'T', '--zones', ' , '], /--zones/],
    [['--url', 'https://c.example', '--token', 'T', '--only', 'nope'], /No case id starts with "nope"/],
    [['--url', 'https://c.example', '--token', 'T', 'extra'], /Unexpected argument/],
  ])('refuses %j in plain words', (argv, message) => {
    const parsed = parseConformanceArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
  });

  it('allows plain http only to this machine', () => {
    for (const url of ['http://127.0.0.1:18080', 'http://localhost:18080', 'http://[::1]:18080'])
      expect(parseConformanceArgs(['--url', url, '--token', 'T']).kind).toBe('run');
  });

  it('never echoes a value, e.g. a token after a misspelt flag', () => {
    const parsed = parseConformanceArgs(['--url', 'https://c.example', 'SECRET-VALUE']);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).not.toContain('SECRET-VALUE');
  });

  it('shows help', () => {
    expect(parseConformanceArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('report', () => {
  const result = (r: CaseResult['result']): CaseResult => ({
    id: 'x',
    title: 'x',
    endpoint: 'push',
    result: r,
    expected: 'success',
    got: 'success',
  });

  it('closes with the counts', () => {
    const results = [result('PASS'), result('PASS'), result('FAIL'), result('INFO'), result('SKIP'), result('SKIP')];
    expect(closingLine(results)).toBe('Conformance: 2 passed, 1 failed, 1 informational, 2 skipped');
  });

  it('says how many test permits were cleaned up and lists those left behind', () => {
    expect(formatCleanup({ deleted: [], alreadyGone: [], failed: [] })).toEqual([
      'Cleanup: no test permits were created.',
    ]);
    expect(formatCleanup({ deleted: ['a'], alreadyGone: ['b'], failed: [] })).toEqual([
      'Cleanup: deleted 1 test permit; 1 was already gone.',
    ]);
    const lines = formatCleanup({
      deleted: ['a', 'b'],
      alreadyGone: [],
      failed: [{ referenceId: 'c-1', got: 'no answer: x' }],
    });
    expect(lines[0]).toBe('Cleanup: deleted 2 test permits.');
    expect(lines[1]).toMatch(/^Cleanup FAILED for 1 test permit; remove it by hand/);
    expect(lines[2]).toBe('  c-1  no answer: x');
  });

  it('hints at the token when cases that send it are refused with 9001/9002, and at the URL when nothing answers', () => {
    const refused = {
      ...result('FAIL'),
      id: 'stats.example',
      outcome: { kind: 'error', status: 403, code: 9002 },
    } as const;
    const tokenCase = { ...refused, id: 'stats.token.unknown', result: 'PASS' } as const;
    expect(formatHints([tokenCase])).toEqual([]);
    expect(formatHints([refused, tokenCase])[0]).toMatch(/^Hint: the controller refused the token on 1 case /);
    const silent = { ...result('FAIL'), outcome: { kind: 'no-answer', reason: 'x' } } as const;
    expect(formatHints([silent, result('SKIP')])).toEqual([
      "Hint: nothing answered at all: check --url (the controller's base address) and the network.",
    ]);
  });
});
