import { maskAuthCode, type AuthCodeError } from '@authcode/core';
import { NO_ERROR_CODE_TEXT, retryActionFor, sessionErrorOf } from '@authcode/example-shared';
import { useAuthCodeContext, useAuthCodeSelector } from '@authcode/react';
import { ScopeCodeList } from './ScopeCodeList';
import { useRevealResult } from './useRevealResult';

/** `showSuccess` is false when a merchant server signs the user in: the signed-in card shows that. */
export function ResultPanel({ showSuccess = true }: { showSuccess?: boolean }) {
  const { status, grantedScopes, deniedScopes, error, retry, reset } = useAuthCodeContext();
  if (status === 'success' && showSuccess) {
    return <SuccessCard grantedScopes={grantedScopes} deniedScopes={deniedScopes} onReset={reset} />;
  }
  if (status === 'failed' && error) return <ErrorCard error={error} onRetry={retry} onReset={reset} />;
  return null;
}

/** Selects the masked code only, so the full code never reaches this component's render. */
function MaskedAuthCode() {
  const masked = useAuthCodeSelector((view) => (view.authCode ? maskAuthCode(view.authCode) : undefined));
  return (
    <code className="masked-code" data-testid="auth-code">
      {masked ?? '—'}
    </code>
  );
}

interface SuccessCardProps {
  grantedScopes: readonly string[];
  deniedScopes: Readonly<Record<string, string>>;
  onReset(): void;
}

function SuccessCard({ grantedScopes, deniedScopes, onReset }: SuccessCardProps) {
  const hasDenied = Object.keys(deniedScopes).length > 0;
  const card = useRevealResult();
  return (
    <section
      ref={card}
      tabIndex={-1}
      className="card result result--success"
      aria-labelledby="result-title"
      data-testid="result-success"
    >
      <div className="result__header">
        <span className="result__icon" aria-hidden="true">
          ✓
        </span>
        <h2 id="result-title" className="result__title">
          Authorized
        </h2>
      </div>
      <dl className="facts">
        <dt>Auth code</dt>
        <dd>
          <MaskedAuthCode />
        </dd>
      </dl>
      <h3 className="result__section">Granted</h3>
      <ul className="chips" data-testid="granted-scopes">
        {grantedScopes.map((scope) => (
          <li key={scope} className="chip" data-testid={`granted-scopes-${scope}`}>
            {scope}
          </li>
        ))}
      </ul>
      {hasDenied && (
        <>
          <h3 className="result__section">Denied</h3>
          <ScopeCodeList codes={deniedScopes} testId="denied-scopes" />
        </>
      )}
      <p className="result__note">Send the code to your server now: it is single-use and short-lived.</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onReset} data-testid="reset">
          Start over
        </button>
      </div>
    </section>
  );
}

interface ErrorCardProps {
  error: AuthCodeError;
  onRetry(): void;
  onReset(): void;
}

function ErrorCard({ error, onRetry, onReset }: ErrorCardProps) {
  const card = useRevealResult();
  const retryAction = retryActionFor(error);
  // The merchant server's refusal, when the exchange failed there.
  const serverCode = sessionErrorOf(error)?.code;
  return (
    <section
      ref={card}
      tabIndex={-1}
      className="card result result--error"
      aria-labelledby="result-title"
      data-testid="result-error"
    >
      <div className="result__header">
        <span className="result__icon" aria-hidden="true">
          !
        </span>
        <h2 id="result-title" className="result__title">
          Authorization failed
        </h2>
      </div>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>
          <code data-testid="error-kind">{error.kind}</code>
        </dd>
        <dt>Code</dt>
        <dd>
          {error.code ? (
            <code data-testid="error-code">{error.code}</code>
          ) : (
            <span className="facts__none" data-testid="error-code">
              {NO_ERROR_CODE_TEXT}
            </span>
          )}
        </dd>
        {serverCode && (
          <>
            <dt>Server</dt>
            <dd>
              <code data-testid="server-error-code">{serverCode}</code>
            </dd>
          </>
        )}
        <dt>Message</dt>
        <dd data-testid="error-message">{error.message}</dd>
      </dl>
      {error.scopes && (
        <>
          <h3 className="result__section">Scopes</h3>
          <ScopeCodeList codes={error.scopes} testId="error-scopes" />
        </>
      )}
      {!retryAction.visible && (
        <p className="result__note" data-testid="not-retryable">
          Asking again will not help: fix the cause first.
        </p>
      )}
      <div className="actions">
        {retryAction.visible && (
          // RETRY asks the host for a new code: a failed exchange spent the old one.
          <button type="button" className="button button--primary" onClick={onRetry} data-testid="retry">
            {retryAction.label}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onReset} data-testid="reset">
          Start over
        </button>
      </div>
    </section>
  );
}
