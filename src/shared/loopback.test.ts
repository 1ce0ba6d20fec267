import { describe, expect, it } from 'vitest';
import { hostForUrl, isLoopbackAddress, isLoopbackBindHost, isOwnHost, isOwnOrigin } from './loopback';

const SERVER = { host: '127.0.0.1', port: 18090 };

describe('isLoopbackAddress (a peer address)', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '127.1.2.3',
    '::1',
    '::ffff:127.0.0.1',
    '::FFFF:127.0.0.9',
    '::ffff:7f00:1',
    '::ffff:7fff:fffe',
  ])('counts %s as loopback', (address) => expect(isLoopbackAddress(address)).toBe(true));

  it.each([
    undefined,
    '',
    '127.0.0.256',
    '127.0.0.1000',
    '128.0.0.1',
    '10.0.0.2',
    '0.0.0.0',
    '127.0.0',
    '127.0.0.01',
    ' 127.0.0.1',
    'localhost',
    'localhost.evil.com',
    '127.0.0.1.evil.com',
    '::ffff:10.0.0.2',
    '::ffff:127.0.0.256',
    '::ffff:8000:1',
    '::ffff:7f00:10000',
    'fe80::1',
    '::',
  ])('does not count %s as loopback', (address) => expect(isLoopbackAddress(address)).toBe(false));
});

describe('isLoopbackBindHost (where to listen)', () => {
  it.each(['127.0.0.1', '127.255.255.254', '::1'])('accepts %s', (host) => expect(isLoopbackBindHost(host)).toBe(true));

  it.each(['localhost', '0.0.0.0', '::', '127.0.0.256', '128.0.0.1', '::ffff:127.0.0.1', 'localhost.evil.com'])(
    'refuses %s (not a loopback literal to listen on)',
    (host) => expect(isLoopbackBindHost(host)).toBe(false),
  );
});

describe('isOwnHost (a Host header)', () => {
  it.each(['127.0.0.1:18090', 'localhost:18090', 'LOCALHOST:18090', '[::1]:18090'])('accepts %s', (host) =>
    expect(isOwnHost(host, SERVER)).toBe(true),
  );

  it.each([
    undefined,
    '',
    '127.0.0.1',
    '127.0.0.1:18091',
    '127.0.0.1:',
    'localhost.evil.com:18090',
    'evil.example:18090',
    '127.0.0.2:18090',
    '[::ffff:127.0.0.1]:18090',
    'user@127.0.0.1:18090',
    '127.0.0.1:18090/x',
    '127.0.0.1:18090:1',
  ])('refuses %s', (host) => expect(isOwnHost(host, SERVER)).toBe(false));

  it('also accepts the address the server listens on, when it is another loopback literal', () => {
    expect(isOwnHost('127.0.0.2:5000', { host: '127.0.0.2', port: 5000 })).toBe(true);
    expect(isOwnHost('[::1]:5000', { host: '::1', port: 5000 })).toBe(true);
  });

  it('reads a Host without a port as port 80', () => {
    expect(isOwnHost('localhost', { host: '127.0.0.1', port: 80 })).toBe(true);
    expect(isOwnHost('localhost', SERVER)).toBe(false);
  });
});

describe('isOwnOrigin (an Origin header)', () => {
  it.each(['http://127.0.0.1:18090', 'http://localhost:18090', 'http://[::1]:18090'])('accepts %s', (origin) =>
    expect(isOwnOrigin(origin, SERVER)).toBe(true),
  );

  it.each([
    undefined,
    'null',
    '',
    'https://127.0.0.1:18090',
    'ws://127.0.0.1:18090',
    'file://',
    'http://127.0.0.1:18091',
    'http://127.0.0.1',
    'http://evil.example',
    'http://localhost.evil.com:18090',
    'http://127.0.0.1:18090/',
    'http://127.0.0.1:18090/path',
    'http://user@127.0.0.1:18090',
    'http://127.1:18090',
  ])('refuses %s', (origin) => expect(isOwnOrigin(origin, SERVER)).toBe(false));
});

describe('hostForUrl', () => {
  it('brackets IPv6 literals only', () => {
    expect(hostForUrl('::1')).toBe('[::1]');
    expect(hostForUrl('127.0.0.1')).toBe('127.0.0.1');
  });
});
