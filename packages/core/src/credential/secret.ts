import { maskAuthCode } from './mask.js';

/**
 * An auth code held by the flow. It has no own properties: the raw string lives in a module-level
 * WeakMap keyed by this object, so no serializer (JSON, structured clone, an inspector, a persisted
 * snapshot) can reach it, whether or not it honours `toJSON`. JSON and string forms are masked.
 */
export interface SealedCode {
  toJSON(): string;
  toString(): string;
}

const rawCodes = new WeakMap<object, string>();

function masked(this: object): string {
  return maskAuthCode(rawCodes.get(this) ?? '');
}
const sealedPrototype: SealedCode = { toJSON: masked, toString: masked };

export function sealCode(code: string): SealedCode {
  const sealed = Object.freeze(Object.create(sealedPrototype) as SealedCode);
  rawCodes.set(sealed, code);
  return sealed;
}

/** The raw code, for the few places that hand it to the caller on purpose; `undefined` once dropped. */
export function revealCode(sealed: unknown): string | undefined {
  // A WeakMap answers undefined (and deletes nothing) for a key that is not an object.
  return rawCodes.get(sealed as object);
}

/** Forgets the raw code: every later `revealCode` of this object gives `undefined`. */
export function dropCode(sealed: unknown): void {
  rawCodes.delete(sealed as object);
}

/** `text` with every occurrence of `code` masked: for messages written by others (a server, a host). */
export function scrubCode(text: string, code: string): string {
  return text.split(code).join(maskAuthCode(code));
}
