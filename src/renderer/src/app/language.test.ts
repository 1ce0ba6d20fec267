import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, kioskInfo, ok, permit, send } from '../testing/fixtures';
import { resetStore, state } from '../testing/store-harness';

vi.mock('./transport/kiosk', () => import('../testing/kiosk-mock'));

const { useKiosk } = await import('./store');
const { i18nFor } = await import('../i18n/useT');

const info = kioskInfo({
  demoMode: false,
  controllerHost: 'opscom.example',
  zones: [{ name: 'Lot A', currency: 'CAD', presets: [{ minutes: 150, cents: 1450 }] }],
  idleResetSeconds: 0,
});

beforeEach(() => resetStore({ info, language: 'en-CA' }));

describe('language switch', () => {
  it('switches at once and tells main', async () => {
    let reply: (value: unknown) => void = () => {};
    send.mockImplementation(() => new Promise((resolve) => (reply = resolve)));
    const switching = state().toggleLanguage();
    expect(state().language).toBe('fr-CA');
    // A second tap while main is storing the first does nothing.
    await state().toggleLanguage();
    reply({ ok: true, value: { ...info, language: 'fr-CA' } });
    await switching;
    expect(send.mock.calls).toEqual([['kiosk:set-language', { language: 'fr-CA' }]]);
    expect(state().language).toBe('fr-CA');
    expect(state().info?.language).toBe('fr-CA');
  });

  it('goes back and says why when main refuses', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'internal', message: 'Disk full.' } });
    await state().setLanguage('fr-CA');
    expect(state().language).toBe('en-CA');
    expect(state().error?.message).toBe('Disk full.');
  });

  it('follows kiosk:changed, e.g. a language saved in Settings or switched in another window', () => {
    state().applyInfo({ ...info, language: 'fr-CA' });
    expect(state().language).toBe('fr-CA');
  });

  it('writes the store’s own notices in the current language', async () => {
    useKiosk.setState({ language: 'fr-CA' });
    const cancelled = permit({
      plate: 'HXK47',
      status: 'cancelled',
      updatedAt: '2026-01-01T12:05:00.000Z',
      revision: 1,
      sync: 'waiting',
    });
    answer({
      'permits:payments': () => ok({ ticketNumber: 'T-1', entries: [], currency: 'CAD', refundableCents: 450 }),
      'permits:cancel': () => ok(cancelled),
    });
    await state().startCancel('T-1');
    state().chooseCancelReason('Driver left');
    await state().confirmCancel();
    expect(state().notice).toBe('Permis de HXK47 annulé.');
    // With money back, the notice says how much, in French amounts.
    state().applyPermit(permit({ ticketNumber: 'T-2', plate: 'MNP34', sync: 'waiting' }));
    answer({
      'permits:payments': () => ok({ ticketNumber: 'T-2', entries: [], currency: 'CAD', refundableCents: 450 }),
      'permits:cancel': () => ok(permit({ ...cancelled, ticketNumber: 'T-2', plate: 'MNP34' })),
    });
    await state().startCancel('T-2');
    state().chooseCancelReason('Driver left');
    state().changeRefund({ give: true });
    await state().confirmCancel();
    expect(state().notice?.replace(/[\u00a0\u202f]/g, ' ')).toBe('Permis de MNP34 annulé. Remboursé 4,50 $.');
  });
});

describe('formats per language', () => {
  const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('writes money the Canadian way in each language', () => {
    expect(i18nFor('en-CA').money(1450, 'CAD')).toBe('$14.50');
    expect(nbsp(i18nFor('fr-CA').money(1450, 'CAD'))).toBe('14,50 $');
  });

  it('writes durations the way each language reads them', () => {
    expect(i18nFor('en-CA').duration(150)).toBe('2 h 30 min');
    expect(i18nFor('fr-CA').duration(150)).toBe('2 h 30');
    expect(i18nFor('fr-CA').duration(125)).toBe('2 h 05');
    expect(i18nFor('fr-CA').duration(45)).toBe('45 min');
  });

  it('writes times of day in the language, 24-hour in French', () => {
    const instant = new Date(2026, 2, 5, 14, 30).toISOString();
    expect(nbsp(i18nFor('fr-CA').time(instant))).toBe('14 h 30');
    expect(i18nFor('en-CA').time(instant)).toMatch(/^2:30\sp\.m\.$/);
  });

  it('counts down in the language', () => {
    const now = new Date('2026-01-01T12:00:00.000Z');
    const end = '2026-01-01T13:00:00.000Z';
    expect(i18nFor('en-CA').countdown(end, new Date(now.getTime() + 1000))).toBe('ends in 59 min');
    expect(i18nFor('fr-CA').countdown(end, new Date(now.getTime() + 1000))).toBe('se termine dans 59 min');
    expect(i18nFor('en-CA').countdown(end, new Date('2026-01-01T13:00:00.000Z'))).toBe('ended');
    expect(i18nFor('en-CA').timeLeft(end, new Date('2026-01-01T12:15:00.000Z'))).toBe('45 min left');
  });
});
