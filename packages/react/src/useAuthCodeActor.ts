import { createCommands, toView, viewEquals, type AuthCodeActorRef } from '@authcode/core';
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { AuthCodeActions, UseAuthCodeResult } from './types';

/** Maps a running flow actor to its view and actions; renders once per distinct view. */
export function useAuthCodeActor<TSession>(actorRef: AuthCodeActorRef): UseAuthCodeResult<TSession> {
  const view = useSelector(actorRef, toView<TSession>, viewEquals);
  const actions = useMemo(
    (): AuthCodeActions<TSession> => ({ ...createCommands<TSession>(actorRef), actorRef }),
    [actorRef],
  );
  return useMemo(() => ({ ...view, ...actions }), [view, actions]);
}
