import { toView, type AuthCodeActorRef, type AuthCodeView, type HasExchange } from '@authcode/core';
import { useSelector } from '@xstate/react';
import { useProvidedActorRef } from './context';

/** Reads a value of the view, which narrows by `status` like every view. */
export type AuthCodeSelector<T, TSession = unknown, TExchange extends boolean = HasExchange<TSession>> = (
  view: AuthCodeView<TSession, TExchange>,
) => T;
export type AuthCodeCompare<T> = (previous: T, next: T) => boolean;

/**
 * Reads one value of the nearest `<AuthCodeProvider>`'s view; the component re-renders only when
 * `compare` (default `===`) says the value changed. Throws when there is no provider.
 */
export function useAuthCodeSelector<T, TSession = unknown>(
  selector: AuthCodeSelector<T, TSession>,
  compare?: AuthCodeCompare<T>,
): T;
/** Reads one value of the given flow's view, like `@xstate/react`'s `useSelector(actorRef, ...)`. */
export function useAuthCodeSelector<T, TSession = unknown>(
  actorRef: AuthCodeActorRef,
  selector: AuthCodeSelector<T, TSession>,
  compare?: AuthCodeCompare<T>,
): T;
export function useAuthCodeSelector<T>(
  first: AuthCodeActorRef | AuthCodeSelector<T>,
  second?: AuthCodeSelector<T> | AuthCodeCompare<T>,
  third?: AuthCodeCompare<T>,
): T {
  const fromProvider = typeof first === 'function';
  const actorRef = useProvidedActorRef('useAuthCodeSelector', fromProvider ? undefined : first);
  const selector = (fromProvider ? first : second) as AuthCodeSelector<T>;
  const compare = (fromProvider ? second : third) as AuthCodeCompare<T> | undefined;
  return useSelector(actorRef, (snapshot) => selector(toView(snapshot)), compare);
}
