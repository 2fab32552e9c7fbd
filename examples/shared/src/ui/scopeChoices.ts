import type { KnownScope } from '@authcode/core';
import { describeScope, knownScopes } from '@authcode/core/catalogue';

/** The scopes the page will ask for, and which of them the flow cannot do without. */
export interface ScopeSelection {
  readonly requested: readonly KnownScope[];
  /** Always a subset of `requested`; the others are optional (a partial grant still succeeds). */
  readonly required: readonly KnownScope[];
}

export const initialSelection: ScopeSelection = {
  requested: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
  required: ['USER_LOGIN_ID'],
};

/** Shown first; the rest of the catalogue sits behind a disclosure. */
export const featuredScopes: readonly KnownScope[] = [
  'USER_LOGIN_ID',
  'USER_CONTACTINFO_EMAIL',
  'KYC_INFO',
  'USER_OCCUPATION',
];

export const moreScopes: readonly KnownScope[] = knownScopes.filter(
  (scope) => !featuredScopes.includes(scope),
);

// Keeps the catalogue's order whatever order the user clicked in.
const inCatalogueOrder = (scopes: ReadonlySet<KnownScope>) =>
  knownScopes.filter((scope) => scopes.has(scope));

/** Adds or removes a scope; a removed scope stops being required too. */
export function toggleRequested(selection: ScopeSelection, scope: KnownScope): ScopeSelection {
  if (selection.requested.includes(scope)) {
    return {
      requested: selection.requested.filter((item) => item !== scope),
      required: selection.required.filter((item) => item !== scope),
    };
  }
  return { ...selection, requested: inCatalogueOrder(new Set([...selection.requested, scope])) };
}

/** Marks a requested scope required, or optional again. Unrequested scopes are left alone. */
export function toggleRequired(selection: ScopeSelection, scope: KnownScope): ScopeSelection {
  if (!selection.requested.includes(scope)) return selection;
  const required = selection.required.includes(scope)
    ? selection.required.filter((item) => item !== scope)
    : inCatalogueOrder(new Set([...selection.required, scope]));
  return { ...selection, required };
}

/** A short name for people: "Email" for USER_CONTACTINFO_EMAIL. */
export function scopeTitle(scope: string): string {
  const description = describeScope(scope) ?? '';
  const subject =
    /^Authorized to obtain users' (.+?)(?: information)?$/.exec(description)?.[1] ??
    /^Authorized to enable users to use the (.+?) -/.exec(description)?.[1];
  if (!subject) return scope;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}
