import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { StorageStatus } from '../../../../shared/storage/storage-status';
import { catalogs } from '../../i18n/catalog';
import { storageNotice } from './storage-notice';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { StorageIndicator } = await import('./StorageIndicator');

const MiB = 1024 * 1024;
const status = (patch: Partial<StorageStatus>): StorageStatus => ({
  state: 'ok',
  freeBytes: 5000 * MiB,
  lastFault: null,
  lastFaultAt: null,
  ...patch,
});
const en = (storage: StorageStatus | null | undefined) => storageNotice(storage, catalogs['en-CA'], 'en-CA');
const fr = (storage: StorageStatus | null | undefined) => storageNotice(storage, catalogs['fr-CA'], 'fr-CA');

describe('the status bar’s word on the kiosk’s disk (#19)', () => {
  it('says nothing while the disk is fine, or where main does not watch it', () => {
    expect(en(status({}))).toBeNull();
    expect(en(status({ lastFault: 'disk-failing', lastFaultAt: '2026-12-07T10:00:00Z' }))).toBeNull();
    expect(en(null)).toBeNull();
    expect(en(undefined)).toBeNull();
  });

  it('warns of low space in orange, with what is left, in both languages', () => {
    const low = status({ state: 'low', freeBytes: 1234 * MiB + 5 });
    expect(en(low)).toEqual({
      tone: 'warning',
      text: 'Disk low (1,234 MiB free): tell a supervisor',
      problem: { code: 'disk-low', params: { freeMiB: 1234 } },
    });
    expect(fr(low)?.text).toMatch(/^Disque presque plein \(1\s234 Mio libres\) : prévenez un superviseur$/);
  });

  it('shows each fault in red, in words, and names main’s own words for it', () => {
    expect(en(status({ state: 'full', freeBytes: 10 * MiB }))).toEqual({
      tone: 'fault',
      text: 'Disk full: new sales stopped. Call a supervisor',
      problem: { code: 'disk-too-low' },
    });
    expect(en(status({ state: 'full', freeBytes: 0, lastFault: 'disk-full' }))?.problem).toEqual({ code: 'disk-full' });
    expect(en(status({ state: 'failing', lastFault: 'disk-failing' }))).toMatchObject({
      tone: 'fault',
      text: 'Disk failing: call a supervisor',
    });
    expect(en(status({ state: 'read-only', lastFault: 'disk-read-only' }))).toMatchObject({
      tone: 'fault',
      text: 'Disk read-only: call a supervisor',
    });
    expect(fr(status({ state: 'read-only' }))?.text).toBe('Disque en lecture seule : appelez un superviseur');
    expect(fr(status({ state: 'failing' }))?.text).toBe('Disque défaillant : appelez un superviseur');
    expect(fr(status({ state: 'full' }))?.text).toBe('Disque plein : ventes arrêtées. Appelez un superviseur');
  });

  it('renders a fault as a red alert with a mark and the words, and a warning as an orange status', () => {
    const fault = renderToStaticMarkup(
      createElement(StorageIndicator, { storage: status({ state: 'failing', lastFault: 'disk-failing' }) }),
    );
    expect(fault).toContain('class="storage storage--fault"');
    expect(fault).toContain('role="alert"');
    expect(fault).toContain('Disk failing: call a supervisor');
    expect(fault).toContain('title="This kiosk’s disk is failing: nothing was recorded. Call a supervisor."');
    expect(fault).toMatch(/aria-hidden="true">!</);

    const low = renderToStaticMarkup(
      createElement(StorageIndicator, { storage: status({ state: 'low', freeBytes: 150 * MiB }) }),
    );
    expect(low).toContain('class="storage storage--warning"');
    expect(low).toContain('role="status"');
    expect(low).toContain('Disk low (150 MiB free)');

    expect(renderToStaticMarkup(createElement(StorageIndicator, { storage: status({}) }))).toBe('');
  });
});
