import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/errors/kiosk-error';
import { answerLost, createRequestIds, fingerprint } from './request-ids';

const lost: Result<string> = {
  ok: false,
  error: { code: 'unreachable', message: 'The kiosk service is not answering.' },
};
const garbled: Result<string> = { ok: false, error: { code: 'internal', message: 'Off contract.' } };
const refused: Result<string> = { ok: false, error: { code: 'not-allowed', message: 'No shift is open.' } };
const storage: Result<string> = { ok: false, error: { code: 'storage', message: 'The disk is full.' } };
const done: Result<string> = { ok: true, value: 'T-1' };

/** Ids 1, 2, 3… and a clock the test moves. */
function setup(options: { keepMs?: number; max?: number } = {}) {
  let next = 0;
  const clock = { at: 0 };
  const ids = createRequestIds({ newId: () => `id-${++next}`, now: () => clock.at, ...options });
  const sent: string[] = [];
  const send = (kind: 'issue' | 'extend', subject: unknown, answer: Result<string>) =>
    ids.send(kind, subject, async (requestId) => {
      sent.push(requestId);
      return answer;
    });
  return { ids, sent, send, clock };
}

describe('answerLost', () => {
  it('is true only when the page cannot be sure main kept nothing', () => {
    for (const answer of [lost, garbled, storage]) expect(answerLost(answer)).toBe(true);
    for (const answer of [refused, done]) expect(answerLost(answer)).toBe(false);
  });
});

describe('fingerprint', () => {
  it('names the same action whatever the order of its keys, and tells different ones apart', () => {
    expect(fingerprint({ plate: 'A1', zone: 'Lot A', durationMinutes: 60 })).toBe(
      fingerprint({ durationMinutes: 60, zone: 'Lot A', plate: 'A1' }),
    );
    expect(fingerprint({ a: { y: 1, x: 2 } })).toBe(fingerprint({ a: { x: 2, y: 1 } }));
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
    expect(fingerprint({ plate: 'A1', zone: 'Lot A' })).not.toBe(fingerprint({ plate: 'A1', zone: 'Lot B' }));
    expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
  });
});

describe('createRequestIds', () => {
  it('keeps the id of an action whose answer was lost for its retry, until a definite answer', async () => {
    const { ids, sent, send } = setup();
    const sale = { plate: 'A1', zone: 'Lot A', durationMinutes: 60 };
    await send('issue', sale, lost);
    expect(ids.pending('issue', sale)).toBe('id-1');
    await send('issue', { durationMinutes: 60, zone: 'Lot A', plate: 'A1' }, garbled);
    await send('issue', sale, done);
    expect(ids.pending('issue', sale)).toBeUndefined();
    // The same car again, after the confirmation: a new sale.
    await send('issue', sale, done);
    expect(sent).toEqual(['id-1', 'id-1', 'id-1', 'id-2']);
  });

  it('forgets the id on a refusal: main recorded nothing, so the next try is a new action', async () => {
    const { sent, send } = setup();
    await send('extend', { ticketNumber: 'T-1', minutes: 30 }, lost);
    // The disk refused: the retry once a supervisor freed space is the same extension.
    await send('extend', { ticketNumber: 'T-1', minutes: 30 }, storage);
    await send('extend', { ticketNumber: 'T-1', minutes: 30 }, refused);
    await send('extend', { ticketNumber: 'T-1', minutes: 30 }, done);
    expect(sent).toEqual(['id-1', 'id-1', 'id-1', 'id-2']);
  });

  it('keeps one id per action: another kind or another subject gets its own', async () => {
    const { sent, send } = setup();
    await send('issue', { plate: 'A1' }, lost);
    await send('issue', { plate: 'B2' }, lost);
    await send('extend', { plate: 'A1' }, lost);
    await send('issue', { plate: 'A1' }, done);
    await send('issue', { plate: 'B2' }, done);
    expect(sent).toEqual(['id-1', 'id-2', 'id-3', 'id-1', 'id-2']);
  });

  it('keeps a lost id when the send itself throws', async () => {
    const { ids } = setup();
    await expect(
      ids.send('issue', { plate: 'A1' }, async () => {
        throw new Error('transport gone');
      }),
    ).rejects.toThrow('transport gone');
    expect(ids.pending('issue', { plate: 'A1' })).toBe('id-1');
  });

  it('lets an unanswered id go after a while (the attendant moved on) and keeps only the newest few', async () => {
    const { ids, sent, send, clock } = setup({ keepMs: 1000, max: 2 });
    await send('issue', { plate: 'A1' }, lost);
    clock.at = 1000;
    await send('issue', { plate: 'A1' }, lost);
    clock.at = 2001;
    await send('issue', { plate: 'A1' }, done);
    expect(sent).toEqual(['id-1', 'id-1', 'id-2']);

    for (const plate of ['P1', 'P2', 'P3']) await send('issue', { plate }, lost);
    expect(ids.pending('issue', { plate: 'P1' })).toBeUndefined();
    expect(ids.pending('issue', { plate: 'P3' })).toBeDefined();
    ids.clear();
    expect(ids.pending('issue', { plate: 'P3' })).toBeUndefined();
  });
});
