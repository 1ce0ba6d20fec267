import { useId, type ReactNode } from 'react';
import type { SettingsView } from '../../../../shared/settings/settings-view';
import { useT } from '../../i18n/useT';
import { KeyboardField } from '../keyboard/KeyboardField';
import type { KeyboardLayoutName } from '../keyboard/kiosk-keyboard';
import { parseWhole, type FieldErrors, type SettingsDraft } from './settings-form';

/** What every section of the settings form is given: the settings as main sent them, the draft, and its errors. */
export interface SectionProps {
  view: SettingsView;
  draft: SettingsDraft;
  /** The form's own checks, with main's refusal of a field added under that field. */
  errors: FieldErrors;
  /** Changes some of the draft; a function reads the draft as it is at that moment. */
  update: (patch: Partial<SettingsDraft> | ((current: SettingsDraft) => Partial<SettingsDraft>)) => void;
}

/** The message for a field, or for any part of it ("zones.0.presets.2" shows under "zones.0.presets"). */
export function errorFor(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/** The draft's settings typed as text (numbers included): every one a Field edits. */
type TextSetting = { [K in keyof SettingsDraft]: string extends SettingsDraft[K] ? K : never }[keyof SettingsDraft];

/**
 * A Field's value, error and change for one setting of the draft: `<Field label={…} {...field('kioskName')} />`.
 * `errorKey` is main's name for the setting where it differs (seconds typed, milliseconds kept); `clean` shapes
 * what is typed before the draft keeps it.
 */
export function draftFields({ draft, errors, update }: SectionProps) {
  return (
    setting: TextSetting,
    { errorKey = setting, clean }: { errorKey?: string; clean?: (text: string) => string } = {},
  ) => ({
    value: draft[setting],
    error: errorFor(errors, errorKey),
    onChange: (text: string) => update({ [setting]: clean ? clean(text) : text } as Partial<SettingsDraft>),
  });
}

/** Under a section heading: some of its values came from kiosk-provision.json (docs/provisioning.md). */
function ProvisionedNote({ view, keys }: { view: SettingsView; keys: string[] }) {
  const { t } = useT();
  if (!keys.some((key) => view.provisioned?.includes(key))) return null;
  return (
    <p className="info-note provisioned-note" data-testid="provisioned-note">
      {t.setByProvisioning}
    </p>
  );
}

/** One section of the form: its heading, the note when provisioning set any of `provisioned`, then its fields. */
export function SettingsSection({
  id,
  title,
  view,
  provisioned,
  children,
}: {
  /** The heading's id, `settings-<id>`, which names the section. */
  id: string;
  title: string;
  view: SettingsView;
  provisioned: string[];
  children: ReactNode;
}) {
  return (
    <section className="settings-section" aria-labelledby={`settings-${id}`}>
      <h2 className="section-title" id={`settings-${id}`}>
        {title}
      </h2>
      <ProvisionedNote view={view} keys={provisioned} />
      {children}
    </section>
  );
}

/** A yes/no a supervisor must tick on purpose: a large target, the whole label toggles it. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  testId: string;
}) {
  return (
    <div className={props.error ? 'field field--error' : 'field'}>
      <label className="check-field" data-testid={props.testId}>
        <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
        <span>{props.label}</span>
      </label>
      {props.error && <p className="field__error">{props.error}</p>}
    </div>
  );
}

export interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** Shown after the field, e.g. the money a number of cents makes. */
  after?: ReactNode;
  type?: 'text' | 'password' | 'url';
  inputMode?: 'text' | 'numeric' | 'url';
  /** The kiosk's own keys for this field (lot stations have no keyboard): letters and accents unless told. */
  keyboard?: KeyboardLayoutName;
  className?: string;
}

export function Field({
  label,
  value,
  onChange,
  error,
  hint,
  after,
  type = 'text',
  inputMode,
  keyboard = 'text',
  className,
}: FieldProps) {
  const { t } = useT();
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        <KeyboardField
          id={id}
          className="text-input"
          type={type}
          inputMode={inputMode}
          keyboard={keyboard}
          keyboardLabel={t.keyboardFor(label)}
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onValue={onChange}
        />
        {after && <span className="field__after">{after}</span>}
      </div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A short field for a whole number, typed on the kiosk's number keys. */
export function NumberField(props: Omit<FieldProps, 'inputMode' | 'keyboard' | 'className'>) {
  return <Field inputMode="numeric" keyboard="number" className="field--short" {...props} />;
}

/** A number of cents as typed, and the money it makes in `currency`; null if unreadable. */
export function useCentsAsMoney(currency: string): (text: string) => string | null {
  const { money } = useT();
  return (text) => {
    const cents = parseWhole(text);
    if (cents === null) return null;
    try {
      return money(cents, currency);
    } catch {
      return null; // not a currency code (yet): the currency field says so
    }
  };
}
