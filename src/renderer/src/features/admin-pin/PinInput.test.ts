import type { ChangeEvent, KeyboardEvent, ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { PinField, PinKeys } = await import('./PinInput');
const { PIN_MAX_LENGTH, pinDigits, WHOLE_PIN } = await import('./pin-digits');

/** The field as drawn for `pin`: its <input>, whose handlers the test calls as the page would. */
function field(pin: string, props: { onEnter?: () => void } = {}) {
  const onPin = vi.fn<(pin: string) => void>();
  const input = PinField({ pin, onPin, label: 'Admin PIN', ...props }) as ReactElement<{
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
    readOnly: boolean;
    inputMode: string;
  }>;
  const type = (value: string) => input.props.onChange({ target: { value } } as ChangeEvent<HTMLInputElement>);
  return { input, onPin, type };
}

/** The keys as drawn for `pin`: what each of them makes the PIN. */
function keys(pin: string) {
  const onPin = vi.fn<(pin: string) => void>();
  const pad = PinKeys({ pin, onPin }) as ReactElement<{
    onDigit: (digit: string) => void;
    onBackspace: () => void;
    onClear: () => void;
  }>;
  return { pad: pad.props, onPin };
}

describe('the PIN rule', () => {
  it('keeps digits only, at most eight, as a new PIN must be (4 to 8 digits)', () => {
    expect(PIN_MAX_LENGTH).toBe(8);
    expect(pinDigits('12a3-4 5')).toBe('12345');
    expect(pinDigits('1234567890')).toBe('12345678');
    expect(pinDigits('PIN')).toBe('');
    expect(WHOLE_PIN.test('1234')).toBe(true);
    expect(WHOLE_PIN.test('12345678')).toBe(true);
    expect(WHOLE_PIN.test('123')).toBe(false);
    expect(WHOLE_PIN.test('123456789')).toBe(false);
  });
});

describe('the PIN field', () => {
  it('strips what is not a digit from what is typed or pasted, and caps it at eight digits', () => {
    const { onPin, type } = field('');
    type('12 34-ab');
    expect(onPin).toHaveBeenLastCalledWith('1234');
    type('9876543210');
    expect(onPin).toHaveBeenLastCalledWith('98765432');
  });

  it('sends Enter to its action, and nothing else', () => {
    const onEnter = vi.fn();
    const { input } = field('1234', { onEnter });
    const preventDefault = vi.fn();
    input.props.onKeyDown({ key: '5', preventDefault } as unknown as KeyboardEvent<HTMLInputElement>);
    expect(onEnter).not.toHaveBeenCalled();
    input.props.onKeyDown({ key: 'Enter', preventDefault } as unknown as KeyboardEvent<HTMLInputElement>);
    expect(onEnter).toHaveBeenCalledTimes(1);
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('types only from its keys when pad-only', () => {
    const input = PinField({ pin: '12', label: 'Admin PIN', padOnly: true }) as ReactElement<{
      readOnly: boolean;
      inputMode: string;
    }>;
    expect(input.props).toMatchObject({ readOnly: true, inputMode: 'none' });
  });
});

describe('the PIN keys', () => {
  it('add a digit up to the eighth, and take no ninth', () => {
    const short = keys('123');
    short.pad.onDigit('4');
    expect(short.onPin).toHaveBeenLastCalledWith('1234');
    const full = keys('12345678');
    full.pad.onDigit('9');
    expect(full.onPin).toHaveBeenLastCalledWith('12345678');
  });

  it('delete the last digit, or clear them all', () => {
    const { pad, onPin } = keys('1234');
    pad.onBackspace();
    expect(onPin).toHaveBeenLastCalledWith('123');
    pad.onClear();
    expect(onPin).toHaveBeenLastCalledWith('');
  });
});
