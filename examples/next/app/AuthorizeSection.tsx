'use client';

import { describeStatus, initialSelection, isAuthorizePrimary } from '@authcode/example-shared';
import { useAuthCodeContext } from '@authcode/react';
import { ResultPanel } from './ResultPanel';

/**
 * The page's part of the flow, a Client Component under the root layout's provider. On the server
 * it renders the idle view: the provider's actor is created but never started there, and nothing
 * reads the host.
 */
export function AuthorizeSection() {
  const { status, isLoading, request, cancel } = useAuthCodeContext();
  const { requested, required } = initialSelection;
  return (
    <>
      <section className="card" aria-label="Authorization">
        <p className="status" role="status" aria-live="polite" data-testid="status" data-status={status}>
          {describeStatus(status)}
        </p>
        <div className="actions">
          <button
            type="button"
            className={isAuthorizePrimary(status) ? 'button button--primary' : 'button button--secondary'}
            disabled={isLoading}
            // request() never rejects: the outcome is rendered from the view.
            onClick={() => void request(requested, required)}
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
      <ResultPanel />
    </>
  );
}
