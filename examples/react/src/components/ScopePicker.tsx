import type { KnownScope } from '@authcode/core';
import {
  featuredScopes,
  moreScopes,
  scopeTitle,
  toggleRequested,
  toggleRequired,
  type ScopeSelection,
} from '@authcode/example-shared';
import { useAuthCodeSelector } from '@authcode/react';

type SelectionUpdate = (update: (selection: ScopeSelection) => ScopeSelection) => void;

interface ScopePickerProps {
  selection: ScopeSelection;
  onChange: SelectionUpdate;
}

export function ScopePicker({ selection, onChange }: ScopePickerProps) {
  const isLoading = useAuthCodeSelector((view) => view.isLoading);
  return (
    <section className="card" aria-labelledby="scopes-title">
      <h2 id="scopes-title" className="card__title">
        Scopes
      </h2>
      <p className="card__hint">Required scopes must be granted; optional ones may be denied.</p>
      <fieldset className="bare-fieldset" disabled={isLoading}>
        <legend className="visually-hidden">Scopes to request</legend>
        <ScopeRows scopes={featuredScopes} selection={selection} onChange={onChange} />
        <details className="more-scopes">
          <summary data-testid="more-scopes">{moreScopes.length} more scopes</summary>
          <ScopeRows scopes={moreScopes} selection={selection} onChange={onChange} />
        </details>
      </fieldset>
    </section>
  );
}

interface ScopeRowsProps extends ScopePickerProps {
  scopes: readonly KnownScope[];
}

function ScopeRows({ scopes, selection, onChange }: ScopeRowsProps) {
  return (
    <ul className="scope-list">
      {scopes.map((scope) => {
        const requested = selection.requested.includes(scope);
        const required = selection.required.includes(scope);
        return (
          <li key={scope} className="scope-row">
            <label className="scope-row__main">
              <input
                type="checkbox"
                checked={requested}
                onChange={() => onChange((current) => toggleRequested(current, scope))}
                data-testid={`scope-${scope}`}
              />
              <span className="scope-row__text">
                <span className="scope-row__title">{scopeTitle(scope)}</span>
                <code className="scope-row__name">{scope}</code>
              </span>
            </label>
            {requested && (
              <label className="pill-toggle">
                <input
                  type="checkbox"
                  checked={required}
                  onChange={() => onChange((current) => toggleRequired(current, scope))}
                  aria-label={`${scopeTitle(scope)} is required`}
                  data-testid={`required-${scope}`}
                />
                <span aria-hidden="true">{required ? 'Required' : 'Optional'}</span>
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}
