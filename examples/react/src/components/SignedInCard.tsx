import type { MerchantSessionStore } from '@authcode/example-shared';
import { useAuthCodeContext } from '@authcode/react';
import { useSyncExternalStore } from 'react';
import { useRevealResult } from './useRevealResult';

/** Who the merchant server signed in, with Sign out; nothing while nobody is. */
export function SignedInCard({ merchant }: { merchant: MerchantSessionStore }) {
  const { session, signingOut, signOutError } = useSyncExternalStore(merchant.subscribe, merchant.getState);
  const { status, reset } = useAuthCodeContext();
  if (!session) return null;
  return (
    <SessionCard
      // Brought into view when a sign-in completes; a session from the page's load stays where it is.
      reveal={status === 'success'}
      userId={session.userId}
      scopes={session.scopes}
      signingOut={signingOut}
      signOutError={signOutError}
      // Then a new flow: the old one's outcome belongs to the session that ended.
      onSignOut={() => void merchant.signOut(reset)}
    />
  );
}

interface SessionCardProps {
  reveal: boolean;
  userId: string;
  scopes: readonly string[];
  signingOut: boolean;
  signOutError: string | undefined;
  onSignOut(): void;
}

function SessionCard({ reveal, userId, scopes, signingOut, signOutError, onSignOut }: SessionCardProps) {
  const card = useRevealResult(reveal);
  return (
    <section
      ref={card}
      tabIndex={-1}
      className="card result result--success"
      aria-labelledby="session-title"
      data-testid="signed-in"
    >
      <div className="result__header">
        <span className="result__icon" aria-hidden="true">
          ✓
        </span>
        <h2 id="session-title" className="result__title" data-testid="signed-in-as">
          Signed in as {userId}
        </h2>
      </div>
      <h3 className="result__section">Scopes on the server</h3>
      <ul className="chips" data-testid="session-scopes">
        {scopes.map((scope) => (
          <li key={scope} className="chip">
            {scope}
          </li>
        ))}
      </ul>
      <p className="result__note">
        The server traded the code with the wallet; the session is an HttpOnly cookie this page cannot read.
      </p>
      {signOutError && (
        <p className="result__note" role="alert" data-testid="sign-out-error">
          {signOutError}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={signingOut}
          onClick={onSignOut}
          data-testid="sign-out"
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </section>
  );
}
