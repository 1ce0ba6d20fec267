import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ReceiptWidth } from '../../../shared/settings/settings-view';
import { useKiosk } from '../app/store';

/** The receipt roll when main has not said (a main older than the setting): the common 80 mm. */
export const DEFAULT_RECEIPT_WIDTH: ReceiptWidth = '80mm';

/**
 * What `window.print()` prints: rendered outside the app's root, hidden on screen, and the only thing shown on
 * paper (styles.css hides #root in print). One at a time: the screen that owns it is the one on display.
 * It is laid out for the kiosk's receipt roll (`print-area--80mm` or `print-area--58mm`): as wide as the roll,
 * on a page of the roll's width (styles.css, "Receipt rolls").
 */
export function PrintArea({ children, testId }: { children: ReactNode; testId?: string }) {
  const width = useKiosk((s) => s.info?.receiptWidth ?? DEFAULT_RECEIPT_WIDTH);
  return createPortal(
    <div className={`print-area print-area--${width}`} data-testid={testId} data-roll={width}>
      {children}
    </div>,
    document.body,
  );
}

/** The Print button's action: main prints in the Electron app, the browser's print dialog in the station. */
export function printSection(what: 'receipt' | 'shift-summary'): void {
  void useKiosk.getState().print(what, () => window.print());
}
