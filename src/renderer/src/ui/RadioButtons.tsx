import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { TYPING_AREA_ATTRIBUTE } from '../features/keyboard/usePhysicalKeyboard';

export interface RadioOption<T> {
  value: T;
  /** Visible text; it is also the accessible name (the check mark is hidden from it). */
  label: ReactNode;
}

interface Props<T> {
  label: string;
  options: RadioOption<T>[];
  selected: T | null;
  onSelect: (value: T) => void;
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

/** Big toggle buttons with radio semantics: one tap chooses, arrows move for keyboard users. */
export function RadioButtons<T extends string | number>({ label, options, selected, onSelect }: Props<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const selectedIndex = options.findIndex((o) => o.value === selected);
  const tabStop = selectedIndex === -1 ? 0 : selectedIndex;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = NEXT_KEYS.has(event.key) ? 1 : PREVIOUS_KEYS.has(event.key) ? -1 : 0;
    if (step === 0 || options.length === 0) return;
    event.preventDefault();
    const next = (index + step + options.length) % options.length;
    const option = options[next];
    if (!option) return;
    onSelect(option.value);
    buttons.current[next]?.focus();
  };

  return (
    <div className="radio-buttons" role="radiogroup" aria-label={label} {...{ [TYPING_AREA_ATTRIBUTE]: '' }}>
      {options.map((option, index) => {
        const checked = option.value === selected;
        return (
          <button
            key={option.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={index === tabStop ? 0 : -1}
            className="button radio-button"
            onClick={() => onSelect(option.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span aria-hidden="true" className="radio-button__mark">
              {checked ? '✓' : ''}
            </span>
            <span className="radio-button__label">{option.label}</span>
          </button>
        );
      })}
    </div>
  );
}
