import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, DEMO_TOKEN, parseSandboxArgs } from './cli-args';

describe('parseSandboxArgs', () => {
  it('defaults to port 18080, 127.0.0.1 and the demo token', () => {
    expect(parseSandboxArgs([])).toEqual({
      kind: 'run',
      options: {
        port: DEFAULT_CLI_PORT,
        host: '127.0.0.1',
        tokens: [DEMO_TOKEN],
        errorStatus: 'http',
        statsCounts: 'all',
        rejectDuplicatePermitNo: false,
      },
    });
  });

  it('reads every flag', () => {
    const parsed = parseSandboxArgs([
      '--port',
      '0',
      '--token',
      'T1',
      '--token=T2',
      '--zones',
      'Lot 1, Lot 2',
      '--error-status',
      '200',
      '--stats-counts',
      'active',
      '--reject-duplicate-permit-no',
      '--host',
      '::1',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '::1',
        tokens: ['T1', 'T2'],
        zones: ['Lot 1', 'Lot 2'],
        errorStatus: 200,
        statsCounts: 'active',
        rejectDuplicatePermitNo: true,
      },
    });
  });

  it.each([
    [['--prot', '1'], /--prot/],
    [['extra'], /extra/],
    [['--port', 'abc'], /--port/],
    [['--port', '65536'], /--port/],
    [['--port', '-1'], /--port/],
    [['--token', 'has space'], /--token/],
    [['--token', 'x'.repeat(51)], /--token/],
    [['--zones', ' , '], /--zones/],
    [['--error-status', '500'], /--error-status/],
    [['--stats-counts', 'some'], /--stats-counts/],
    [['--host', '0.0.0.0'], /--host/],
  ])('refuses %j in plain words', (argv, message) => {
    const parsed = parseSandboxArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
  });

  it('does not echo a bad token', () => {
    const parsed = parseSandboxArgs(['--token', 'secret value']);
    expect(parsed.kind === 'error' && parsed.message.includes('secret value')).toBe(false);
  });
});
