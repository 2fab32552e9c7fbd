import { toView, type AuthCodeActorRef, type AuthCodeSnapshot, type AuthCodeView } from '@authcode/core';
import { computed, shallowReadonly, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { AuthCodeRefs } from './types';

type ViewRefs<TSession> = AuthCodeRefs<TSession> & { view: Readonly<Ref<AuthCodeView<TSession>>> };
type WritableRefs<TSession> = { [K in keyof AuthCodeView]: ShallowRef<AuthCodeView<TSession>[K]> };

/**
 * One `shallowRef` per view field of the actor's view, and the function that moves them to a snapshot. A shallowRef triggers only when its value changes by
 * `Object.is`, which is `viewEquals` applied field by field: a component that reads `authCode`
 * does not re-render when only `status` moves. (Per-field refs rather than `computed` over one
 * view ref, because before Vue 3.4 a computed re-triggers its readers even when its value is equal.)
 * Beside them, `view`: the whole view (the latest object `toView` made) as one computed over the
 * field refs, so it narrows by `status` where separate refs cannot and changes only when a field does.
 */
export function createViewRefs<TSession>(
  actorRef: AuthCodeActorRef,
): [refs: ViewRefs<TSession>, update: (snapshot: AuthCodeSnapshot) => void] {
  let current = toView<TSession>(actorRef.getSnapshot());
  const fields = Object.keys(current) as (keyof AuthCodeView)[];
  const writable = {} as WritableRefs<TSession>;
  const refs = {} as Record<string, unknown>;
  for (const field of fields)
    refs[field] = shallowReadonly((writable[field] = shallowRef(current[field]) as never));
  // Reads every field ref, so it changes (to the latest view) only when one of them did.
  refs['view'] = computed(() => (fields.map((field) => writable[field].value), current));
  return [
    refs as ViewRefs<TSession>,
    (snapshot) => {
      current = toView<TSession>(snapshot);
      for (const field of fields) (writable[field] as ShallowRef<unknown>).value = current[field];
    },
  ];
}
