import { createActor } from 'xstate';
import { AuthCodeError, describeReason } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import { authCodeMachine } from '../machine/machine.js';
import type { AuthCodeInput, Scope } from '../types.js';
import { requestFlow } from './flow.js';
import type { ByExchange, HasExchange } from './view.js';

interface AuthCodeResultFields {
  grantedScopes: Scope[];
  deniedScopes: Record<string, string>;
}

/** What `requestAuthCode` resolves with when the flow has no `exchange`. */
export interface AuthCodeGrantResult extends AuthCodeResultFields {
  authCode: string;
  session?: undefined;
}

/** What `requestAuthCode` resolves with when `exchange` ran: the code was spent on the session. */
export interface AuthCodeSessionResult<TSession> extends AuthCodeResultFields {
  authCode?: undefined;
  session: TSession;
}

/**
 * The grant of a flow without `exchange` (`TSession` is `never`), or the session of one with it;
 * `unknown` (the default) is either.
 */
export type AuthCodeResult<
  TSession = unknown,
  TExchange extends boolean = HasExchange<TSession>,
> = ByExchange<TExchange, AuthCodeGrantResult, AuthCodeSessionResult<TSession>>;

/**
 * Runs one flow to the end without a UI: resolves with the grant (or session), rejects with an
 * AuthCodeError. Each call asks the host once.
 */
export async function requestAuthCode<TSession = never>(
  input: AuthCodeInput<TSession> & { scopes: readonly Scope[] },
): Promise<AuthCodeResult<TSession>> {
  const actor = createActor(authCodeMachine, { input }).start();
  try {
    // An input that throws when the machine copies it (a hostile proxy) stops the actor as it starts.
    const started = actor.getSnapshot();
    if (started.status === 'error') {
      throw new AuthCodeError('invalid-request', explain('unreadable-input', describeReason(started.error)));
    }
    const view = await requestFlow<TSession>(actor);
    // requestFlow settles in success or failed, and failed always holds its error.
    if (view.status !== 'success') throw view.error;
    const result: { authCode?: string; session?: TSession } & AuthCodeResultFields = {
      grantedScopes: view.grantedScopes,
      deniedScopes: view.deniedScopes,
    };
    if (view.authCode !== undefined) result.authCode = view.authCode;
    if (view.session !== undefined) result.session = view.session;
    return result as AuthCodeResult<TSession>;
  } finally {
    actor.stop();
  }
}
