import type { AnyEventObject } from 'xstate';
import { AuthCodeError } from '../../src/errors/errors';
import type { HostAnswer } from '../../src/machine/hostAnswer';

/** The scopes the model asks for; the answers below are written against them. */
export const modelScopes = {
  /** Phone number required, email optional. */
  consent: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
  consentRequired: ['USER_LOGIN_ID'],
  /** Another host's silent scope: every scope required. */
  silent: ['auth_base'],
  /** What the input asks for when a REQUEST names no scopes. */
  input: ['USER_LOGIN_ID'],
} as const;

/** The events the machine's invoked work reports; the model stands them for host and server behaviour. */
export const timeoutEventType = 'HOST.TIMEOUT';
export const exchangeDoneEventType = 'EXCHANGE.DONE';
export const exchangeErrorEventType = 'EXCHANGE.FAILED';
export const codeExpiredEventType = 'CODE.EXPIRED';

export const hostThrow = new Error('The JSAPI bridge is gone');
export const exchangeRejection = new Error('applyToken answered EXPIRED_CODE');
/** What the exchange reports for the rejection above, and for its own timer (its error is built there). */
export const exchangeFailure = new AuthCodeError(
  'exchange',
  `Exchanging the auth code failed: ${exchangeRejection.message}`,
  { cause: exchangeRejection },
);
export const exchangeTimeout = new AuthCodeError('exchange-timeout', 'The exchange did not settle in time.');
export const modelSession = { sessionId: 'session-of-the-model' };

/** The codes the model's host answers carry: one per answer, so the model's graph stays finite. */
export const modelCodes = {
  full: 'MODEL_CODE_FULL',
  partial: 'MODEL_CODE_PARTIAL',
  requiredDenied: 'MODEL_CODE_REQUIRED_DENIED',
  completeOnly: 'MODEL_CODE_COMPLETE_ONLY',
} as const;

const hostAnswers: Record<string, HostAnswer> = {
  'full grant': { via: 'success', payload: { authCode: modelCodes.full, authErrorScopes: {} } },
  'partial grant': {
    via: 'success',
    payload: {
      authCode: modelCodes.partial,
      authSuccessScopes: ['USER_LOGIN_ID'],
      authErrorScopes: { USER_CONTACTINFO_EMAIL: '40006' },
    },
  },
  'required scope denied': {
    via: 'success',
    payload: {
      authCode: modelCodes.requiredDenied,
      authErrorScopes: { USER_LOGIN_ID: '40006', auth_base: '40006' },
    },
  },
  'complete only': { via: 'complete', payload: { authCode: modelCodes.completeOnly } },
  'decline 11': { via: 'fail', payload: { error: 11, errorMessage: 'Unauthorized to Get User Info' } },
  'host error 3': { via: 'fail', payload: { error: 3 } },
  'per-scope fail': { via: 'fail', payload: { authErrorScopes: { USER_LOGIN_ID: '40006' } } },
  'garbage payload': { via: 'success', payload: ['not', 'a', 'payload'] },
  throw: { via: 'throw', error: hostThrow },
};

/** An event of the model, with the short name paths and test titles use. */
export interface LabelledEvent {
  label: string;
  event: AnyEventObject;
}

export const modelEvents: readonly LabelledEvent[] = [
  {
    label: 'REQUEST consent',
    event: { type: 'REQUEST', scopes: modelScopes.consent, required: modelScopes.consentRequired },
  },
  { label: 'REQUEST silent', event: { type: 'REQUEST', scopes: modelScopes.silent } },
  { label: 'REQUEST input scopes', event: { type: 'REQUEST' } },
  { label: 'REQUEST invalid', event: { type: 'REQUEST', scopes: [] } },
  { label: 'CANCEL', event: { type: 'CANCEL' } },
  { label: 'RETRY', event: { type: 'RETRY' } },
  { label: 'RESET', event: { type: 'RESET' } },
  ...Object.entries(hostAnswers).map(([name, answer]) => ({
    label: `host: ${name}`,
    event: { type: 'HOST.ANSWER', answer },
  })),
  { label: 'timeout', event: { type: timeoutEventType } },
  { label: 'exchange resolves', event: { type: exchangeDoneEventType, output: modelSession } },
  { label: 'exchange rejects', event: { type: exchangeErrorEventType, error: exchangeFailure } },
  { label: 'exchange times out', event: { type: exchangeErrorEventType, error: exchangeTimeout } },
  { label: 'code expires', event: { type: codeExpiredEventType } },
];

const labels = new Map<AnyEventObject, string>(modelEvents.map(({ label, event }) => [event, label]));

/** The label of one of the model's events (the traversal hands back the same objects). */
export function labelOf(event: AnyEventObject): string {
  const label = labels.get(event);
  if (label === undefined) {
    if (event.type === 'xstate.init') return 'start';
    throw new Error(`Not an event of the model: ${event.type}`);
  }
  return label;
}

export function isHostAnswer(event: AnyEventObject): event is { type: 'HOST.ANSWER'; answer: HostAnswer } {
  return event.type === 'HOST.ANSWER';
}
