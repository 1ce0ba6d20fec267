import { scryptSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import type { Shift } from '../../../shared/shift/shift-view';
import { problemMessage } from '../../../shared/errors/problems';
import { AdminPin, hashPin, pinProblem, verifyPin } from './admin-pin';
import { startTestKiosk, fixedClock, value, type TestKiosk } from '../testing/test-kiosk';

const dirs: string[] = [];
let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pin-'));
  dirs.push(dir);
  return dir;
}

describe('the admin PIN hash', () => {
  it('is async scrypt with its parameters stored, and still reads the older hashes', async () => {
    const hash = await hashPin('2468');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPin('2468', hash)).toBe(true);
    expect(await verifyPin('2469', hash)).toBe(false);
    // The format before parameters were kept, with Node's scrypt defaults (N = 2^14), as older kiosks saved it.
    const salt = Buffer.alloc(16, 7);
    const legacy = `scrypt:${salt.toString('base64')}:${scryptSync('1357', salt, 32).toString('base64')}`;
    expect(await verifyPin('1357', legacy)).toBe(true);
    expect(await verifyPin('1358', legacy)).toBe(false);
    expect(await verifyPin('1234', 'not a hash')).toBe(false);
  });
});

describe('a stored hash with absurd scrypt parameters', () => {
  const salt = Buffer.alloc(16, 3).toString('base64');
  const key = Buffer.alloc(32, 5).toString('base64');
  const absurd: Array<[string, Record<string, number | string>]> = [
    [`scrypt$1048576$8$1$${salt}$${key}`, { part: 'N', value: 1048576 }],
    [`scrypt$30000$8$1$${salt}$${key}`, { part: 'N', value: 30000 }], // not a power of two: scrypt would throw
    [`scrypt$32768$64$1$${salt}$${key}`, { part: 'r', value: 64 }],
    [`scrypt$32768$8$16$${salt}$${key}`, { part: 'p', value: 16 }],
    [`scrypt$32768$8$1$${salt}$${Buffer.alloc(4096).toString('base64')}`, { part: 'key', value: 4096 }],
    [`scrypt:${Buffer.alloc(2).toString('base64')}:${key}`, { part: 'salt', value: 2 }],
  ];

  it('is refused before any scrypt, naming the part, and is not counted as a wrong try', async () => {
    const dir = await tempDir();
    for (const [hash, params] of absurd) {
      const pin = await AdminPin.open(() => hash, fixedClock('2026-12-02T10:00:00.000Z'), dir);
      for (let i = 0; i < 6; i += 1) {
        const check = await pin.check('2468');
        expect(check).toMatchObject({ ok: false, reason: 'unusable', problem: { code: 'pin-hash-unusable', params } });
      }
      expect(await verifyPin('2468', hash)).toBe(false);
    }
    const check = await (
      await AdminPin.open(() => absurd[0]![0], fixedClock('2026-12-02T10:00:00.000Z'), dir)
    ).check('2468');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(problemMessage(pinProblem(check))).toBe(
      'This kiosk’s admin PIN hash cannot be checked: its scrypt N is 1048576, and must be from 16384 to 131072, a power of two. IT must provision a new one (npm run provision -- --hash-pin).',
    );
    // Six refusals of an unusable hash locked nothing.
    await expect(readFile(path.join(dir, 'admin-pin-lock.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('accepts the parameters this project writes, and others within the bounds', async () => {
    const salt16 = Buffer.alloc(16, 9);
    const within = `scrypt$16384$4$2$${salt16.toString('base64')}$${scryptSync('1357', salt16, 32, { N: 16384, r: 4, p: 2 }).toString('base64')}`;
    expect(await verifyPin('1357', within)).toBe(true);
    const pin = await AdminPin.open(() => within, fixedClock('2026-12-02T10:00:00.000Z'), await tempDir());
    expect(await pin.check('1357')).toEqual({ ok: true });
  });

  it('through the kiosk: Settings answer in plain words instead of failing inside', async () => {
    kiosk = await startTestKiosk({ settings: { adminPinHash: absurd[0]![0] } });
    const answer = await kiosk.core.dispatch('settings:update', { adminPin: '1234', changes: { kioskName: 'North' } });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', problem: { code: 'pin-hash-unusable', params: { part: 'N' } } },
    });
    expect(!answer.ok && answer.error.message).toMatch(/IT must provision a new one/);
  });
});

describe('wrong PINs', () => {
  it('lock after five tries, stay locked through a restart, and each lock-out doubles', async () => {
    const dir = await tempDir();
    const clock = fixedClock('2026-12-02T10:00:00.000Z');
    const hash = await hashPin('2468');
    let pin = await AdminPin.open(() => hash, clock, dir);
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await pin.check('0000'));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked']);
    expect(results[3]).toMatchObject({ triesLeft: 1 });
    expect(results[4]).toMatchObject({ minutes: 5, until: '2026-12-02T10:05:00.000Z', justLocked: true });

    pin = await AdminPin.open(() => hash, clock, dir); // a restart
    // The end of the lock-out is kept exactly, so a screen can count down to it.
    expect(await pin.check('2468')).toMatchObject({
      ok: false,
      reason: 'locked',
      minutes: 5,
      until: '2026-12-02T10:05:00.000Z',
    });
    expect((await stat(path.join(dir, 'admin-pin-lock.json'))).mode & 0o777).toBe(0o600);

    clock.advance(6);
    for (let i = 0; i < 4; i += 1) await pin.check('1111');
    expect(await pin.check('1111')).toMatchObject({
      reason: 'locked',
      minutes: 10,
      until: '2026-12-02T10:16:00.000Z',
      justLocked: true,
    });
    clock.advance(11);
    for (let i = 0; i < 4; i += 1) await pin.check('1111');
    expect(await pin.check('1111')).toMatchObject({ reason: 'locked', minutes: 20 });

    // The right PIN, once unlocked, starts the count afresh.
    clock.advance(21);
    expect(await pin.check('2468')).toEqual({ ok: true });
    expect(JSON.parse(await readFile(path.join(dir, 'admin-pin-lock.json'), 'utf8'))).toEqual({
      failures: 0,
      lockedUntil: 0,
      lockouts: 0,
    });
  });

  it('are checked one at a time: a burst of guesses cannot get past the count', async () => {
    const dir = await tempDir();
    const hash = await hashPin('2468');
    const pin = await AdminPin.open(() => hash, fixedClock('2026-12-02T10:00:00.000Z'), dir);
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => pin.check(i === 11 ? '2468' : '0000')));
    expect(guesses.filter((g) => !g.ok && g.reason === 'wrong')).toHaveLength(4);
    expect(guesses.at(-1)).toMatchObject({ ok: false, reason: 'locked' }); // even the right one, once locked
  });
});

describe('a kiosk without an admin PIN', () => {
  it('sells nothing until a supervisor sets one; the first PIN can be set only once', async () => {
    kiosk = await startTestKiosk({ adminPin: null, signIn: false });
    expect(kiosk.core.info.adminPin).toBe('not-set');
    const refused = await kiosk.core.dispatch('shift:start', { attendant: 'Sam' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-allowed', message: /Set the admin PIN first/ } });
    expect(await kiosk.core.dispatch('settings:get', { adminPin: '1234' })).toMatchObject({ ok: false });

    const info = value<KioskInfo>(await kiosk.core.dispatch('settings:set-first-pin', { newAdminPin: '97531' }));
    expect(info.adminPin).toBe('set');
    expect(await kiosk.core.dispatch('settings:set-first-pin', { newAdminPin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(await kiosk.core.dispatch('settings:get', { adminPin: '97531' })).toMatchObject({ ok: true });
    value<Shift>(await kiosk.core.dispatch('shift:start', { attendant: 'Sam' }));
  });

  it('in demo mode uses the demo PIN, which the settings say, and offers no first PIN', async () => {
    kiosk = await startTestKiosk({ adminPin: null, core: { flags: {}, env: {} } });
    expect(kiosk.core.info).toMatchObject({ demoMode: true, adminPin: 'demo' });
    expect(await kiosk.core.dispatch('settings:get', { adminPin: '1234' })).toMatchObject({
      ok: true,
      value: { adminPinIsDemo: true },
    });
    expect(await kiosk.core.dispatch('settings:set-first-pin', { newAdminPin: '2468' })).toMatchObject({ ok: false });
  });

  it('keeps a lock-out across a restart of the whole kiosk', async () => {
    kiosk = await startTestKiosk();
    for (let i = 0; i < 5; i += 1) await kiosk.core.dispatch('settings:get', { adminPin: '0000' });
    await kiosk.restart();
    const after = await kiosk.core.dispatch('settings:get', { adminPin: '1234' });
    expect(after).toMatchObject({ ok: false, error: { message: /Too many wrong PINs/ } });
  });
});

describe('a lock-out as the screen hears it', () => {
  it('carries its exact end beside the minutes, rounded up to the second', async () => {
    const dir = await tempDir();
    const clock = fixedClock('2026-12-02T10:00:00.250Z');
    const hash = await hashPin('2468');
    const pin = await AdminPin.open(() => hash, clock, dir);
    for (let i = 0; i < 4; i += 1) await pin.check('0000');
    const locked = await pin.check('0000');
    expect(locked).toMatchObject({ reason: 'locked', until: '2026-12-02T10:05:01.000Z' });
    if (locked.ok || locked.reason !== 'locked') throw new Error('expected a lock-out');
    expect(pinProblem(locked)).toEqual({
      code: 'pin-just-locked',
      params: { minutes: 5, until: '2026-12-02T10:05:01.000Z' },
    });
    expect(pinProblem({ ...locked, justLocked: false })).toMatchObject({ code: 'pin-locked' });
  });
});
