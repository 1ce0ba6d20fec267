import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Language } from '../../../../shared/language';
import type { ReceiptWidth, SettingsView } from '../../../../shared/settings/settings-view';
import { PLATE_REGIONS, REGION_CODES, type RegionCode } from '../../../../shared/plates/plate-formats';
import { KeyboardField } from '../keyboard/KeyboardField';
import { PinPad, usePinLock } from '../admin-pin/PinPad';
import { DEMO_ADMIN_PIN } from '../../../../shared/demo';
import { RadioButtons } from '../../ui/RadioButtons';
import { LANGUAGE_NAMES } from '../../i18n/catalog';
import { useT } from '../../i18n/useT';
import type { KeyboardLayoutName } from '../keyboard/kiosk-keyboard';
import {
  buildChanges,
  draftFrom,
  emptyZoneDraft,
  hostOf,
  parseMinutes,
  parseWhole,
  toggleRegion,
  type FieldErrors,
  type SettingsDraft,
  type ZoneDraft,
} from './settings-form';
import { useKiosk } from '../../app/store';

/** The message for a field, or for any part of it ("zones.0.presets.2" shows under "zones.0.presets"). */
function errorFor(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/**
 * A supervisor's PIN first; main checks it and, after five wrong tries, locks it for a while and says until when.
 * During the lock-out the field, the keys and "Open settings" are off and the pad counts down. Landscape puts the
 * keys beside the field so the whole gate fits under the bars and a banner at 1024×768.
 */
function PinGate() {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const checking = useKiosk((s) => s.inFlight.settings);
  const unlock = useKiosk((s) => s.unlockSettings);
  const demo = useKiosk((s) => s.info?.adminPin === 'demo');
  const { locked } = usePinLock();
  const submit = async () => {
    if (!pin || checking || locked) return;
    // A refused PIN is cleared so the next try starts clean; main's reason shows in the alert.
    if (!(await unlock(pin))) setPin('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <main className="screen settings-screen pin-screen">
      <h1 className="screen-title">{t.settingsTitle}</h1>
      <div className="pin-gate">
        <div className="pin-gate__side">
          <p className="pin-gate__prompt">{t.settingsPinPrompt}</p>
          {demo && (
            <p className="warning-note" data-testid="demo-pin">
              {t.demoPinNotice(DEMO_ADMIN_PIN)}
            </p>
          )}
          <input
            className="pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-label={t.adminPin}
            autoFocus
            disabled={locked}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            onKeyDown={onKeyDown}
          />
          <button
            type="button"
            className="button button--primary pin-gate__open"
            aria-busy={checking}
            disabled={!pin || checking || locked}
            onClick={() => void submit()}
          >
            {checking ? t.checking : t.openSettings}
          </button>
        </div>
        <PinPad
          disabled={checking}
          onDigit={(digit) => setPin((current) => (current.length < 32 ? current + digit : current))}
          onBackspace={() => setPin((current) => current.slice(0, -1))}
          onClear={() => setPin('')}
        />
      </div>
    </main>
  );
}

/** A yes/no a supervisor must tick on purpose: a large target, the whole label toggles it. */
function CheckField(props: {
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

interface FieldProps {
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

function Field({
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

/**
 * The plate check's home regions: one toggle per region, Canada then the United States, so a supervisor chooses
 * them by touch. Each says whether it is on with a mark and `aria-pressed`, not colour alone.
 */
function HomeRegions({
  selected,
  error,
  onChange,
}: {
  selected: RegionCode[];
  error?: string | undefined;
  onChange: (regions: RegionCode[]) => void;
}) {
  const { t } = useT();
  const id = useId();
  const groups = [
    { country: 'CA', title: t.regionsCanada },
    { country: 'US', title: t.regionsUnitedStates },
  ] as const;
  return (
    <div className={error ? 'field field--error' : 'field'} data-testid="home-regions">
      <p className="field-label" id={`${id}-label`}>
        {t.homeRegions}
      </p>
      <p className="field__hint" id={`${id}-hint`}>
        {t.homeRegionsHint}
      </p>
      {groups.map(({ country, title }) => (
        <div
          key={country}
          role="group"
          aria-label={t.homeRegionsGroup(title)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <p className="region-group__title">{title}</p>
          <div className="region-toggles">
            {REGION_CODES.filter((code) => PLATE_REGIONS[code].country === country).map((code) => {
              const on = selected.includes(code);
              return (
                <button
                  key={code}
                  type="button"
                  className="button region-toggle"
                  aria-pressed={on}
                  onClick={() => onChange(toggleRegion(selected, code))}
                >
                  <span aria-hidden="true" className="region-toggle__mark">
                    {on ? '✓' : ''}
                  </span>
                  <span>{t.regionName(code)}</span>
                </button>
              );
            })}
          </div>
        </div>
      ))}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function ZoneEditor({
  zone,
  index,
  errors,
  onChange,
  onRemove,
  canRemove,
}: {
  zone: ZoneDraft;
  index: number;
  errors: FieldErrors;
  onChange: (zone: ZoneDraft) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const { t, money, duration } = useT();
  const at = (field: string) => errorFor(errors, `zones.${index}.${field}`);
  const asMoney = (text: string) => {
    const cents = parseWhole(text);
    if (cents === null) return null;
    try {
      return money(cents, zone.currency.trim().toUpperCase());
    } catch {
      return null; // not a currency code (yet): the currency field says so
    }
  };
  const minutes = parseMinutes(zone.presets);
  return (
    <fieldset className="zone-editor" data-testid="zone-editor">
      <legend className="zone-editor__legend">{zone.name || t.zoneName}</legend>
      <Field
        label={t.zoneName}
        value={zone.name}
        error={at('name')}
        className="field--wide"
        onChange={(name) => onChange({ ...zone, name })}
      />
      <Field
        label={t.currency}
        value={zone.currency}
        keyboard="code"
        error={at('currency')}
        className="field--short"
        onChange={(currency) => onChange({ ...zone, currency: currency.toUpperCase() })}
      />
      <Field
        label={t.centsPerHour}
        value={zone.centsPerHour}
        inputMode="numeric"
        keyboard="number"
        error={at('centsPerHour')}
        after={asMoney(zone.centsPerHour)}
        className="field--short"
        onChange={(centsPerHour) => onChange({ ...zone, centsPerHour })}
      />
      <Field
        label={t.maxCents}
        value={zone.maxCents}
        inputMode="numeric"
        keyboard="number"
        error={at('maxCents')}
        after={asMoney(zone.maxCents)}
        className="field--short"
        onChange={(maxCents) => onChange({ ...zone, maxCents })}
      />
      <Field
        label={t.presetMinutes}
        value={zone.presets}
        inputMode="numeric"
        keyboard="numberList"
        error={at('presets')}
        className="field--wide"
        after={minutes && minutes.length > 0 ? minutes.map((m) => duration(m)).join(' · ') : null}
        onChange={(presets) => onChange({ ...zone, presets })}
      />
      {canRemove && (
        <button type="button" className="button button--secondary zone-editor__remove" onClick={onRemove}>
          {t.removeZone(zone.name || String(index + 1))}
        </button>
      )}
    </fieldset>
  );
}

/** A number of cents as typed, and the money it makes in the kiosk's first zone's currency; null if unreadable. */
function useCentsAsMoney(currency: string): (text: string) => string | null {
  const { money } = useT();
  return (text) => {
    const cents = parseWhole(text);
    if (cents === null) return null;
    try {
      return money(cents, currency);
    } catch {
      return null;
    }
  };
}

/**
 * The printer, chosen by touch from the system's list (the Electron app), or, in the station, why there is none
 * to choose: its Chromium prints to the computer's default printer.
 */
function PrinterChoice({ selected, onSelect }: { selected: string; onSelect: (name: string) => void }) {
  const { t } = useT();
  const printers = useKiosk((s) => s.printers);
  const loading = useKiosk((s) => s.inFlight.printers);
  const loadPrinters = useKiosk((s) => s.loadPrinters);
  useEffect(() => {
    void loadPrinters();
  }, [loadPrinters]);

  if (!printers) {
    return <p className="hint">{loading ? t.printersLoading : null}</p>;
  }
  if (printers.source === 'browser') {
    return (
      <p className="info-note" data-testid="printers-browser">
        {t.printersBrowser}
      </p>
    );
  }
  const listed = printers.printers.map((printer) => ({
    value: printer.name,
    label: printer.isDefault ? t.printerIsDefault(printer.displayName) : printer.displayName,
  }));
  const missing = selected && !printers.printers.some((p) => p.name === selected);
  return (
    <>
      <p className="field-label">{t.printerSetting}</p>
      <RadioButtons<string>
        label={t.printerSetting}
        options={[
          { value: '', label: t.printerAsk },
          ...listed,
          ...(missing ? [{ value: selected, label: t.printerNotFound(selected) }] : []),
        ]}
        selected={selected}
        onSelect={onSelect}
      />
      <p className="hint">{printers.printers.length === 0 ? t.printersNone : t.printerSilentHint}</p>
    </>
  );
}

/** Under a section heading: some of its values came from kiosk-provision.json (README, "Provisioning"). */
function ProvisionedNote({ view, keys }: { view: SettingsView; keys: string[] }) {
  const { t } = useT();
  if (!keys.some((key) => view.provisioned?.includes(key))) return null;
  return (
    <p className="info-note provisioned-note" data-testid="provisioned-note">
      {t.setByProvisioning}
    </p>
  );
}

function SettingsForm({ view }: { view: SettingsView }) {
  const { t } = useT();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(view));
  const [errors, setErrors] = useState<FieldErrors>({});
  const saving = useKiosk((s) => s.inFlight.settingsSave);
  const testing = useKiosk((s) => s.inFlight.settingsTest);
  const test = useKiosk((s) => s.settingsTest);
  const notice = useKiosk((s) => s.notice);
  const mainError = useKiosk((s) => s.error);
  const { saveSettings, testConnection, lockSettings } = useKiosk.getState();

  // Main names the field it refused as "changes.<field>"; show its words there too.
  const shown: FieldErrors = { ...errors };
  if (mainError?.field?.startsWith('changes.')) {
    const words = mainError.problem ? t.problem(mainError.problem) : mainError.message;
    shown[mainError.field.slice('changes.'.length)] ??= words;
  }
  const centsAsMoney = useCentsAsMoney(view.zones[0]?.currency ?? 'CAD');
  const update = (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch }));
  // A new server for the stored token: the screen names it, and the supervisor confirms or types the token.
  const newUrl = draft.controllerUrl.trim();
  const newHost = newUrl && newUrl !== (view.controllerUrl ?? '') ? hostOf(newUrl) : null;
  const setZone = (index: number, zone: ZoneDraft) =>
    setDraft((current) => ({ ...current, zones: current.zones.map((z, i) => (i === index ? zone : z)) }));

  const save = async () => {
    const { changes, errors: found } = buildChanges(view, draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      useKiosk.setState({ notice: null, error: { code: 'invalid-request', message: t.fixFields } });
      return;
    }
    // Write-only fields never stay filled once main has them.
    if (await saveSettings(changes)) setDraft((current) => ({ ...current, apiToken: '', newAdminPin: '' }));
  };

  const source =
    view.controllerSource === 'environment'
      ? t.sourceEnvironment
      : view.controllerSource === 'flag'
        ? t.sourceFlag
        : view.controllerSource === 'demo'
          ? t.sourceDemo
          : null;

  return (
    <main className="screen settings-screen">
      <div className="screen-head">
        <h1 className="screen-title">{t.settingsTitle}</h1>
        <button type="button" className="button button--secondary" onClick={lockSettings}>
          {t.lockSettings}
        </button>
      </div>
      {view.adminPinIsDemo && (
        <p className="warning-note" data-testid="demo-pin">
          {t.demoPinNotice(DEMO_ADMIN_PIN)}
        </p>
      )}
      <div className="notice" role="status">
        {notice}
      </div>

      <div className="settings-sections">
        <section className="settings-section" aria-labelledby="settings-connection">
          <h2 className="section-title" id="settings-connection">
            {t.sectionConnection}
          </h2>
          <ProvisionedNote view={view} keys={['controllerUrl']} />
          {source && (
            <p className="info-note" data-testid="controller-source">
              {source}
            </p>
          )}
          <Field
            label={t.controllerUrl}
            type="url"
            inputMode="url"
            keyboard="url"
            value={draft.controllerUrl}
            error={errorFor(shown, 'controllerUrl')}
            onChange={(controllerUrl) => update({ controllerUrl })}
          />
          {newHost && view.tokenSet && !draft.apiToken && (
            <CheckField
              label={t.useStoredTokenFor(newHost)}
              checked={draft.useStoredToken}
              onChange={(useStoredToken) => update({ useStoredToken })}
              testId="use-stored-token"
            />
          )}
          <p className="token-state" data-testid="token-state">
            {view.tokenSet && view.tokenLast4 ? t.tokenIsSet(view.tokenLast4) : t.tokenNotSet}
          </p>
          <Field
            label={t.newToken}
            type="password"
            keyboard="token"
            value={draft.apiToken}
            hint={`${t.newTokenHint} ${t.tokenStorage(view.tokenStorage)}`}
            error={errorFor(shown, 'apiToken')}
            onChange={(apiToken) => update({ apiToken })}
          />
          {view.tokenProtection === 'obscured' && (
            <>
              <p className="warning-note" data-testid="token-obscured">
                {t.tokenObscuredOnly}
              </p>
              {draft.apiToken && (
                <CheckField
                  label={t.acceptObscuredToken}
                  checked={draft.acceptObscuredToken}
                  error={errorFor(shown, 'acceptObscuredToken')}
                  onChange={(acceptObscuredToken) => update({ acceptObscuredToken })}
                  testId="accept-obscured-token"
                />
              )}
            </>
          )}
          <div className="actions settings-section__actions">
            <button
              type="button"
              className="button button--secondary"
              aria-busy={testing}
              disabled={testing}
              onClick={() => void testConnection()}
            >
              {testing ? t.testing : t.testConnection}
            </button>
          </div>
          <div
            className={`test-result${test ? (test.ok ? ' is-ok' : ' is-bad') : ''}`}
            role="status"
            data-testid="test-result"
          >
            {test ? (test.ok ? t.testOk(t.problem(test.problem)) : t.testFailed(t.problem(test.problem))) : null}
          </div>
        </section>

        <section className="settings-section" aria-labelledby="settings-kiosk">
          <h2 className="section-title" id="settings-kiosk">
            {t.sectionKiosk}
          </h2>
          <ProvisionedNote view={view} keys={['kioskName']} />
          <Field
            label={t.kioskId}
            value={draft.kioskId}
            keyboard="code"
            error={errorFor(shown, 'kioskId')}
            className="field--short"
            onChange={(kioskId) => update({ kioskId: kioskId.toUpperCase() })}
          />
          <Field
            label={t.kioskName}
            value={draft.kioskName}
            error={errorFor(shown, 'kioskName')}
            onChange={(kioskName) => update({ kioskName })}
          />
        </section>

        <section className="settings-section" aria-labelledby="settings-zones">
          <h2 className="section-title" id="settings-zones">
            {t.sectionZones}
          </h2>
          <ProvisionedNote view={view} keys={['zones']} />
          {errorFor(shown, 'zones') && !Object.keys(shown).some((k) => k.startsWith('zones.')) && (
            <p className="field__error">{errorFor(shown, 'zones')}</p>
          )}
          <div className="zone-editors">
            {draft.zones.map((zone, index) => (
              <ZoneEditor
                key={zone.key}
                zone={zone}
                index={index}
                errors={shown}
                canRemove={draft.zones.length > 1}
                onChange={(next) => setZone(index, next)}
                onRemove={() => update({ zones: draft.zones.filter((_, i) => i !== index) })}
              />
            ))}
          </div>
          <div className="actions settings-section__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={draft.zones.length >= 20}
              onClick={() =>
                update({
                  zones: [
                    ...draft.zones,
                    emptyZoneDraft(t.newZoneName(draft.zones.length + 1), draft.zones[0]?.currency ?? 'CAD'),
                  ],
                })
              }
            >
              {t.addZone}
            </button>
          </div>
        </section>

        <section className="settings-section" aria-labelledby="settings-behaviour">
          <h2 className="section-title" id="settings-behaviour">
            {t.sectionBehaviour}
          </h2>
          <ProvisionedNote
            view={view}
            keys={[
              'timeMode',
              'language',
              'outboxConcurrency',
              'requestSoftTimeoutMs',
              'requestHardTimeoutMs',
              'repeatedTicketRefused',
              'idleResetSeconds',
            ]}
          />
          <p className="field-label">{t.timeMode}</p>
          <RadioButtons
            label={t.timeMode}
            options={[
              { value: 'utc', label: t.timeUtc },
              { value: 'local', label: t.timeLocal },
            ]}
            selected={draft.timeMode}
            onSelect={(timeMode) => update({ timeMode })}
          />
          <p className="field-label">{t.languageSetting}</p>
          <RadioButtons<Language>
            label={t.languageSetting}
            options={(['en-CA', 'fr-CA'] as const).map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
            selected={draft.language}
            onSelect={(language) => update({ language })}
          />
          <Field
            label={t.outboxConcurrency}
            value={draft.outboxConcurrency}
            inputMode="numeric"
            keyboard="number"
            className="field--short"
            error={errorFor(shown, 'outboxConcurrency')}
            onChange={(outboxConcurrency) => update({ outboxConcurrency })}
          />
          <Field
            label={t.requestSoftTimeout}
            value={draft.requestSoftTimeoutSeconds}
            inputMode="numeric"
            keyboard="number"
            className="field--short"
            error={errorFor(shown, 'requestSoftTimeoutMs')}
            onChange={(requestSoftTimeoutSeconds) => update({ requestSoftTimeoutSeconds })}
          />
          <Field
            label={t.requestHardTimeout}
            value={draft.requestHardTimeoutSeconds}
            inputMode="numeric"
            keyboard="number"
            className="field--short"
            error={errorFor(shown, 'requestHardTimeoutMs')}
            onChange={(requestHardTimeoutSeconds) => update({ requestHardTimeoutSeconds })}
          />
          <p className="field-label">{t.repeatedTicketRefused}</p>
          <RadioButtons<SettingsView['repeatedTicketRefused']>
            label={t.repeatedTicketRefused}
            options={[
              { value: 'unknown', label: t.answerUnknown },
              { value: 'yes', label: t.answerYes },
              { value: 'no', label: t.answerNo },
            ]}
            selected={draft.repeatedTicketRefused}
            onSelect={(repeatedTicketRefused) => update({ repeatedTicketRefused })}
          />
          <p className="hint">{t.repeatedTicketHint}</p>
          <Field
            label={t.idleReset}
            value={draft.idleResetSeconds}
            inputMode="numeric"
            keyboard="number"
            className="field--short"
            error={errorFor(shown, 'idleResetSeconds')}
            onChange={(idleResetSeconds) => update({ idleResetSeconds })}
          />
        </section>

        <section className="settings-section" aria-labelledby="settings-plate-check">
          <h2 className="section-title" id="settings-plate-check">
            {t.sectionPlateCheck}
          </h2>
          <ProvisionedNote view={view} keys={['homeRegions']} />
          <HomeRegions
            selected={draft.homeRegions}
            error={errorFor(shown, 'homeRegions')}
            onChange={(homeRegions) => update({ homeRegions })}
          />
        </section>

        {view.refundPinAboveCents !== undefined && (
          <section className="settings-section" aria-labelledby="settings-money">
            <h2 className="section-title" id="settings-money">
              {t.sectionMoney}
            </h2>
            <ProvisionedNote
              view={view}
              keys={['refundPinAboveCents', 'drawerToleranceCents', 'plateFixWindowMinutes']}
            />
            <Field
              label={t.refundPinAbove}
              value={draft.refundPinAboveCents}
              inputMode="numeric"
              keyboard="number"
              className="field--short"
              after={centsAsMoney(draft.refundPinAboveCents)}
              error={errorFor(shown, 'refundPinAboveCents')}
              onChange={(refundPinAboveCents) => update({ refundPinAboveCents })}
            />
            <Field
              label={t.drawerTolerance}
              value={draft.drawerToleranceCents}
              inputMode="numeric"
              keyboard="number"
              className="field--short"
              after={centsAsMoney(draft.drawerToleranceCents)}
              error={errorFor(shown, 'drawerToleranceCents')}
              onChange={(drawerToleranceCents) => update({ drawerToleranceCents })}
            />
            <Field
              label={t.plateFixWindow}
              value={draft.plateFixWindowMinutes}
              inputMode="numeric"
              keyboard="number"
              className="field--short"
              error={errorFor(shown, 'plateFixWindowMinutes')}
              onChange={(plateFixWindowMinutes) => update({ plateFixWindowMinutes })}
            />
          </section>
        )}

        <section className="settings-section" aria-labelledby="settings-printing">
          <h2 className="section-title" id="settings-printing">
            {t.sectionPrinting}
          </h2>
          <ProvisionedNote view={view} keys={['receiptWidth', 'printerName']} />
          <p className="field-label">{t.receiptWidthSetting}</p>
          <RadioButtons<ReceiptWidth>
            label={t.receiptWidthSetting}
            options={[
              { value: '80mm', label: t.receiptWidth80 },
              { value: '58mm', label: t.receiptWidth58 },
            ]}
            selected={draft.receiptWidth}
            onSelect={(receiptWidth) => update({ receiptWidth })}
          />
          <PrinterChoice selected={draft.printerName} onSelect={(printerName) => update({ printerName })} />
          {errorFor(shown, 'printerName') && <p className="field__error">{errorFor(shown, 'printerName')}</p>}
        </section>

        {view.metricsListen !== undefined && (
          <section className="settings-section" aria-labelledby="settings-monitoring">
            <h2 className="section-title" id="settings-monitoring">
              {t.sectionMonitoring}
            </h2>
            <ProvisionedNote view={view} keys={['metricsListen', 'pushgatewayUrl', 'pushIntervalSeconds']} />
            {view.metricsFrom && view.metricsFrom !== 'settings' && (
              <p className="hint" data-testid="metrics-from">
                {t.metricsOverridden(view.metricsFrom === 'flag' ? t.metricsFromFlag : t.metricsFromEnvironment)}
              </p>
            )}
            <Field
              label={t.metricsListenLabel}
              value={draft.metricsListen}
              keyboard="url"
              hint={t.metricsListenHint}
              error={errorFor(shown, 'metricsListen')}
              onChange={(metricsListen) => update({ metricsListen })}
            />
            <Field
              label={t.pushgatewayUrlLabel}
              value={draft.pushgatewayUrl}
              type="url"
              inputMode="url"
              keyboard="url"
              hint={t.pushgatewayUrlHint}
              error={errorFor(shown, 'pushgatewayUrl')}
              onChange={(pushgatewayUrl) => update({ pushgatewayUrl })}
            />
            <Field
              label={t.pushIntervalLabel}
              value={draft.pushIntervalSeconds}
              inputMode="numeric"
              keyboard="number"
              className="field--short"
              error={errorFor(shown, 'pushIntervalSeconds')}
              onChange={(pushIntervalSeconds) => update({ pushIntervalSeconds })}
            />
          </section>
        )}

        {view.updateFeedUrl !== undefined && (
          <section className="settings-section" aria-labelledby="settings-updates">
            <h2 className="section-title" id="settings-updates">
              {t.sectionUpdates}
            </h2>
            <ProvisionedNote view={view} keys={['updateFeedUrl', 'maintenanceHour']} />
            <Field
              label={t.updateFeedUrlLabel}
              value={draft.updateFeedUrl}
              type="url"
              inputMode="url"
              keyboard="url"
              hint={t.updateFeedUrlHint}
              error={errorFor(shown, 'updateFeedUrl')}
              onChange={(updateFeedUrl) => update({ updateFeedUrl })}
            />
            <Field
              label={t.maintenanceHourLabel}
              value={draft.maintenanceHour}
              inputMode="numeric"
              keyboard="number"
              className="field--short"
              hint={t.maintenanceHourHint}
              error={errorFor(shown, 'maintenanceHour')}
              onChange={(maintenanceHour) => update({ maintenanceHour })}
            />
          </section>
        )}

        <section className="settings-section" aria-labelledby="settings-pin">
          <h2 className="section-title" id="settings-pin">
            {t.sectionPin}
          </h2>
          <ProvisionedNote view={view} keys={['adminPinHash']} />
          <Field
            label={t.newAdminPin}
            type="password"
            inputMode="numeric"
            className="field--short"
            value={draft.newAdminPin}
            keyboard="number"
            hint={t.newAdminPinHint}
            error={errorFor(shown, 'newAdminPin')}
            onChange={(newAdminPin) => update({ newAdminPin: newAdminPin.replace(/\D/g, '') })}
          />
        </section>
      </div>

      <div className="actions settings-screen__save">
        <button
          type="button"
          className="button button--primary"
          aria-busy={saving}
          disabled={saving}
          onClick={() => void save()}
        >
          {saving ? t.saving : t.save}
        </button>
      </div>
    </main>
  );
}

export function SettingsScreen() {
  const settings = useKiosk((s) => s.settings);
  if (!settings) return <PinGate />;
  // A saved view starts a fresh form: the write-only token and new PIN fields empty again.
  return <SettingsForm key={JSON.stringify(settings.view)} view={settings.view} />;
}
