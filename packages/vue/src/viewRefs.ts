import type { AuthCodeView } from '@authcode/core';
import { shallowReadonly, shallowRef, type ShallowRef } from 'vue';
import type { AuthCodeRefs } from './types';

type WritableRefs<TSession> = { [K in keyof AuthCodeView<TSession>]: ShallowRef<AuthCodeView<TSession>[K]> };

/**
 * One `shallowRef` per view field. A shallowRef triggers only when its value changes by
 * `Object.is`, which is `viewEquals` applied field by field: a component that reads `authCode`
 * does not re-render when only `status` moves. (Per-field refs rather than `computed` over one
 * view ref, because before Vue 3.4 a computed re-triggers its readers even when its value is equal.)
 */
export function createViewRefs<TSession>(initial: AuthCodeView<TSession>): {
  refs: AuthCodeRefs<TSession>;
  update(view: AuthCodeView<TSession>): void;
} {
  const fields = Object.keys(initial) as (keyof AuthCodeView<TSession>)[];
  const writable = Object.fromEntries(
    fields.map((field) => [field, shallowRef(initial[field])]),
  ) as WritableRefs<TSession>;
  const refs = Object.fromEntries(
    fields.map((field) => [field, shallowReadonly(writable[field])]),
  ) as unknown as AuthCodeRefs<TSession>;
  return {
    refs,
    update(view) {
      for (const field of fields) (writable[field] as ShallowRef<unknown>).value = view[field];
    },
  };
}
