import { createStatusLog, type AdapterDriver } from '@authcode/conformance';
import type { AuthCodeView } from '@authcode/core';
import { useAuthCode, type UseAuthCodeResult } from '../../src';
import type { ReactMode } from './reactModes';

/** Waits one macrotask: React commits store updates (a sync lane) in a microtask before it. */
export const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The view fields of a hook's result, without its commands. */
export function viewOf({
  status,
  isLoading,
  scopes,
  requiredScopes,
  authCode,
  grantedScopes,
  deniedScopes,
  session,
  error,
}: AuthCodeView): AuthCodeView {
  // A copy field by field, which TypeScript no longer sees as one status's view.
  return {
    status,
    isLoading,
    scopes,
    requiredScopes,
    authCode,
    grantedScopes,
    deniedScopes,
    session,
    error,
  } as AuthCodeView;
}

/** Mounts a real component that uses `useAuthCode`, recording every status it renders. */
export function createReactDriver(mode: ReactMode): AdapterDriver {
  return {
    name: `react (${mode.name})`,
    mount(input) {
      const log = createStatusLog();
      let rendered: UseAuthCodeResult | undefined;
      function Flow() {
        const auth = useAuthCode(input);
        log.record(auth.status);
        rendered = auth;
        return <output>{auth.status}</output>;
      }
      const { unmount } = mode.render(<Flow />);
      const current = () => {
        if (!rendered) throw new Error('the component has not rendered');
        return rendered;
      };
      return {
        statuses: log.statuses,
        view: () => viewOf(current()),
        request: (scopes, required) => current().request(scopes, required),
        cancel: () => current().cancel(),
        retry: () => current().retry(),
        reset: () => current().reset(),
        flush: nextMacrotask,
        unmount,
      };
    },
  };
}
