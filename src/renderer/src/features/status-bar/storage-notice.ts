import type { Language } from '../../../../shared/language';
import type { StorageStatus } from '../../../../shared/storage/storage-status';
import type { Problem } from '../../../../shared/errors/problems';
import { formatNumber } from '../../../../shared/intl';
import type { Catalog } from '../../i18n/catalog';

/**
 * What the status bar says of the kiosk's own disk (#19), or null while all is well. A fault (full, failing,
 * read-only) is loud, in red: the attendant's next sale may be refused, and a supervisor must act. Low space is a
 * warning, in orange, for the supervisor walking by: the kiosk still sells.
 */
export interface StorageNotice {
  tone: 'fault' | 'warning';
  text: string;
  /** Main's full words for it, for the supervisor (the bar's tooltip and the screen reader's description). */
  problem: Problem;
}

const MiB = 1024 * 1024;

export function storageNotice(
  storage: StorageStatus | null | undefined,
  t: Catalog,
  lang: Language,
): StorageNotice | null {
  switch (storage?.state) {
    case 'low': {
      const free = storage.freeBytes ?? 0;
      const mib = Math.floor(free / MiB);
      return {
        tone: 'warning',
        text: t.storageLow(t.storageMiB(formatNumber(mib, lang))),
        problem: { code: 'disk-low', params: { freeMiB: mib } },
      };
    }
    case 'full':
      // A write refused for lack of space, or below the floor: either way new sales are stopped.
      return {
        tone: 'fault',
        text: t.storageFull,
        problem: { code: storage.lastFault === 'disk-full' ? 'disk-full' : 'disk-too-low' },
      };
    case 'failing':
      return { tone: 'fault', text: t.storageFailing, problem: { code: 'disk-failing' } };
    case 'read-only':
      return { tone: 'fault', text: t.storageReadOnly, problem: { code: 'disk-read-only' } };
    default:
      return null;
  }
}
