import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useKiosk } from '../store';

/**
 * What `window.print()` prints: rendered outside the app's root, hidden on screen, and the only thing shown on
 * paper (styles.css hides #root in print). One at a time: the screen that owns it is the one on display.
 */
export function PrintArea({ children, testId }: { children: ReactNode; testId?: string }) {
  return createPortal(
    <div className="print-area" data-testid={testId}>
      {children}
    </div>,
    document.body,
  );
}

/** The Print button's action: main prints in the Electron app, the browser's print dialog in the station. */
export function printSection(what: 'receipt' | 'shift-summary'): void {
  void useKiosk.getState().print(what, () => window.print());
}
