import { describeStatus, isAuthorizePrimary, type ScopeSelection } from '@authcode/example-shared';
import { useAuthCodeContext } from '@authcode/react';

export function AuthorizePanel({ selection }: { selection: ScopeSelection }) {
  const { status, isLoading, request, cancel } = useAuthCodeContext();
  return (
    <section className="card" aria-label="Authorization">
      <p className="status" role="status" aria-live="polite" data-testid="status" data-status={status}>
        {describeStatus(status)}
      </p>
      <div className="actions">
        <button
          type="button"
          className={isAuthorizePrimary(status) ? 'button button--primary' : 'button button--secondary'}
          disabled={isLoading || selection.requested.length === 0}
          // request() never rejects: the outcome is rendered from the view.
          onClick={() => void request(selection.requested, selection.required)}
          data-testid="authorize"
        >
          {isLoading ? 'Authorizing…' : 'Authorize'}
        </button>
        {isLoading && (
          <button type="button" className="button button--quiet" onClick={cancel} data-testid="cancel">
            Cancel
          </button>
        )}
      </div>
    </section>
  );
}
