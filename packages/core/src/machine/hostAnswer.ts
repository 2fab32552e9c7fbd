/**
 * What a host's answer becomes, step by step: the first callback or throw of a host call
 * (`HostAnswer`), its payload read once at the boundary into plain data with the code sealed
 * (`HostPayload`), and the grant the flow holds (`SealedGrant`). The host call, `resolve` and
 * `exchange` all take these from here, so none of them imports another.
 */
import { sealCode, type SealedCode } from '../credential/secret.js';
import type { AuthCodeGrant } from '../types.js';

/** The first thing a host call produced: a callback with its payload, or a synchronous throw. */
export type HostAnswer =
  { via: 'success' | 'fail' | 'complete'; payload: unknown } | { via: 'throw'; error: unknown };

/** A grant as the flow holds it: the code sealed (see `credential/secret.ts`). */
export type SealedGrant = Omit<AuthCodeGrant, 'authCode'> & { authCode: SealedCode };

/**
 * A host payload read once, at the boundary: only the fields the flow uses, copied into plain data,
 * the code sealed. Reading never throws; a payload that throws while read (a getter, a proxy from a
 * native bridge) reads as empty.
 */
export interface HostPayload {
  authCode?: SealedCode | undefined;
  successScopes: string[];
  deniedScopes: Record<string, string>;
  error?: string | undefined;
  errorMessage?: string | undefined;
  /** What the payload looked like, without its values: it may hold a code. */
  shape: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** A code as this library reports it: hosts send numbers (`11`) or strings (`'40006'`). */
const readCode = (value: unknown): string | undefined =>
  // Number.isFinite is false for anything but a finite number (it does not convert).
  isFilled(value) || Number.isFinite(value) ? String(value) : undefined;

/** Per-scope codes as own entries (`__proto__` stays a key); malformed entries are left out. */
function readScopeCodes(value: unknown): Record<string, string> {
  const codes: [string, string][] = [];
  if (isRecord(value)) {
    for (const scope of Object.keys(value)) {
      const code = readCode(value[scope]);
      if (code !== undefined) codes.push([scope, code]);
    }
  }
  return Object.fromEntries(codes);
}

function describeShape(payload: unknown): string {
  if (!isRecord(payload))
    return Array.isArray(payload) ? 'an array' : payload === null ? 'null' : typeof payload;
  const keys = Object.keys(payload);
  return `an object with keys [${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}]`;
}

// A mark on the payloads this module made (a private field of those objects), not shared state.
const readPayloads = new WeakSet<object>();

/** Reads a host payload into a `HostPayload`; one already read is returned as it is. */
export function readPayload(payload: unknown): HostPayload {
  // WeakSet#has is false for a primitive or null.
  if (readPayloads.has(payload as object)) return payload as HostPayload;
  let read: HostPayload;
  try {
    const record = isRecord(payload) ? payload : {};
    const { authCode, authSuccessScopes, errorMessage } = record;
    read = {
      authCode: isFilled(authCode) ? sealCode(authCode) : undefined,
      successScopes: Array.isArray(authSuccessScopes) ? authSuccessScopes.filter(isFilled) : [],
      deniedScopes: readScopeCodes(record.authErrorScopes),
      error: readCode(record.error),
      errorMessage: isFilled(errorMessage) ? errorMessage : undefined,
      shape: describeShape(payload),
    };
  } catch {
    read = { successScopes: [], deniedScopes: {}, shape: 'a payload that threw when read' };
  }
  readPayloads.add(read);
  return read;
}
