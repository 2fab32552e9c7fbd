import { initialSelection, scopeTitle } from '@authcode/example-shared';

/** What the Authorize button asks for, rendered on the server: it needs no flow. */
export function ScopeList() {
  const { requested, required } = initialSelection;
  return (
    <section className="card" aria-labelledby="scopes-title">
      <h2 id="scopes-title" className="card__title">
        Scopes
      </h2>
      <p className="card__hint">Required scopes must be granted; optional ones may be denied.</p>
      <ul className="scope-list" data-testid="scope-list">
        {requested.map((scope) => (
          <li key={scope} className="scope-row" data-testid={`scope-${scope}`}>
            <span className="scope-row__main">
              <span className="scope-row__text">
                <span className="scope-row__title">{scopeTitle(scope)}</span>
                <code className="scope-row__name">{scope}</code>
              </span>
            </span>
            <span className="pill-toggle">{required.includes(scope) ? 'Required' : 'Optional'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
