import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** "warning" draws the heavier border of a step that can cost the driver money. */
  tone?: 'check' | 'warning';
  testId?: string;
  /** Extra class on the dialog box, for a step with its own layout. */
  className?: string;
  children: ReactNode;
}

/**
 * A step the attendant must answer before going on. It covers the screen below the status bar (which stays
 * usable: leaving the screen closes the step) and takes the focus to its element marked `data-autofocus`,
 * so a keyboard user's next Enter answers the step rather than the screen behind it.
 */
export function Dialog({ title, tone = 'check', testId, className, children }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current;
    target?.focus();
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={`dialog dialog--${tone}${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
