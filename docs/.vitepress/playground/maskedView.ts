/** The view as the adapters see it, field by field, for the page: the code masked, never raw. */
import { maskAuthCodes, type AuthCodeView } from '@authcode/core';

export interface ViewField {
  name: string;
  /** The field's value as JSON (`undefined` spelled out), with every auth code masked. */
  text: string;
}

export function describeView(view: AuthCodeView): ViewField[] {
  // A copy in which every `authCode` string is masked; an error keeps its JSON form.
  const masked = maskAuthCodes(view) as unknown as Record<string, unknown>;
  return Object.keys(view).map((name) => ({
    name,
    text: masked[name] === undefined ? 'undefined' : JSON.stringify(masked[name]),
  }));
}
