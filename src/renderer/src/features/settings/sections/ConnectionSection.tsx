import { useKiosk } from '../../../app/store';
import { useT } from '../../../i18n/useT';
import { CheckField, draftFields, errorFor, Field, SettingsSection, type SectionProps } from '../FormFields';
import { hostOf } from '../settings-form';

/** OPSCOM: its address, the API token (write-only), and the connection test. */
export function ConnectionSection(props: SectionProps) {
  const { t } = useT();
  const { view, draft, errors, update } = props;
  const field = draftFields(props);
  const testing = useKiosk((s) => s.inFlight.settingsTest);
  const test = useKiosk((s) => s.settingsTest);
  const testConnection = useKiosk((s) => s.testConnection);
  // A new server for the stored token: the screen names it, and the supervisor confirms or types the token.
  const newUrl = draft.controllerUrl.trim();
  const newHost = newUrl && newUrl !== (view.controllerUrl ?? '') ? hostOf(newUrl) : null;
  const source =
    view.controllerSource === 'environment'
      ? t.sourceEnvironment
      : view.controllerSource === 'flag'
        ? t.sourceFlag
        : view.controllerSource === 'demo'
          ? t.sourceDemo
          : null;

  return (
    <SettingsSection id="connection" title={t.sectionConnection} view={view} provisioned={['controllerUrl']}>
      {source && (
        <p className="info-note" data-testid="controller-source">
          {source}
        </p>
      )}
      <Field label={t.controllerUrl} type="url" inputMode="url" keyboard="url" {...field('controllerUrl')} />
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
        hint={`${t.newTokenHint} ${t.tokenStorage(view.tokenStorage)}`}
        {...field('apiToken')}
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
              error={errorFor(errors, 'acceptObscuredToken')}
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
    </SettingsSection>
  );
}
