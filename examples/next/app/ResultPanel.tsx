'use client';

import { maskAuthCode, type AuthCodeError } from '@authcode/core';
import { NO_ERROR_CODE_TEXT, listScopeCodes, retryActionFor, revealResult } from '@authcode/example-shared';
import { useAuthCodeContext, useAuthCodeSelector } from '@authcode/react';
import { useEffect, useRef } from 'react';

export function ResultPanel() {
  const { status, grantedScopes, deniedScopes, error, retry, reset } = useAuthCodeContext();
  if (status === 'success') {
    return <SuccessCard grantedScopes={grantedScopes} deniedScopes={deniedScopes} onReset={reset} />;
  }
  if (status === 'failed' && error) return <ErrorCard error={error} onRetry={retry} onReset={reset} />;
  return null;
}

/** Scrolls a result card into view and focuses it when it appears (below the fold on a phone). */
function useRevealResult() {
  const card = useRef<HTMLElement>(null);
  useEffect(() => (card.current ? revealResult(card.current) : undefined), []);
  return card;
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

function ScopeCodeList({
  codes,
  testId,
}: {
  codes: Readonly<Record<string, string>> | undefined;
  testId: string;
}) {
  return (
    <ul className="code-list" data-testid={testId}>
      {listScopeCodes(codes).map((row) => (
        <li key={row.scope} data-testid={`${testId}-${row.scope}`}>
          <code>{row.scope}</code>
          <span className="code-badge">{row.code}</span>
          <span className="code-list__meaning">{row.meaning}</span>
        </li>
      ))}
    </ul>
  );
}

interface SuccessCardProps {
  grantedScopes: readonly string[];
  deniedScopes: Readonly<Record<string, string>>;
  onReset(): void;
}

function SuccessCard({ grantedScopes, deniedScopes, onReset }: SuccessCardProps) {
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
      {Object.keys(deniedScopes).length > 0 && (
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
        <dt>Message</dt>
        <dd data-testid="error-message">{error.message}</dd>
      </dl>
      {error.scopes && (
        <>
          <h3 className="result__section">Scopes</h3>
          <ScopeCodeList codes={error.scopes} testId="error-scopes" />
        </>
      )}
      <div className="actions">
        {retryAction.visible && (
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
