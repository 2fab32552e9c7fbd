import type { AuthCodeHost, GetAuthCodeOptions } from '../types.js';
import { isRecord } from './webViewProtocol.js';

/** The part of `AlipayJSBridge` this host uses. */
export interface JSBridge {
  call(api: string, params: object, callback: (result: unknown) => void): void;
}

export interface JSBridgeHostOptions {
  /** Default: the global `AlipayJSBridge`, looked up when a request starts. */
  bridge?: JSBridge;
}

declare const AlipayJSBridge: unknown;

function readGlobalBridge(): JSBridge | undefined {
  try {
    return typeof AlipayJSBridge === 'object' &&
      AlipayJSBridge !== null &&
      typeof (AlipayJSBridge as { call?: unknown }).call === 'function'
      ? (AlipayJSBridge as JSBridge)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bridge's answer in the shape `my.getAuthCode` answers with: a lowercase `authcode` is renamed
 * (as Alipay's own wrapper does), `status: 'cancel'` is the user declining (code 11), and
 * `{ error, errorMessage }` is passed through for the core to read.
 */
export function readBridgeAnswer(result: unknown): { via: 'success' | 'fail'; payload: unknown } {
  if (!isRecord(result)) return { via: 'success', payload: result };
  if (result.status === 'cancel') {
    return {
      via: 'fail',
      payload: { error: 11, errorMessage: 'The user cancelled the consent (status: cancel).' },
    };
  }
  const { authcode, ...rest } = result;
  const payload =
    rest.authCode === undefined && authcode !== undefined ? { ...rest, authCode: authcode } : rest;
  const failed = payload.error !== undefined && payload.error !== null && payload.error !== '';
  return { via: failed ? 'fail' : 'success', payload };
}

function callBridge(bridge: JSBridge, options: GetAuthCodeOptions): void {
  bridge.call('getAuthCode', { scopeNicks: [...options.scopes] }, (result) => {
    const { via, payload } = readBridgeAnswer(result);
    if (via === 'success') options.success?.(payload as never);
    else options.fail?.(payload as never);
    options.complete?.(payload as never);
  });
}

/**
 * A host for a plain H5 page in an Alipay-family app (no mini program), through
 * `AlipayJSBridge.call('getAuthCode', { scopeNicks })`. When the bridge is not there yet it waits for
 * the `AlipayJSBridgeReady` event; the core's timeout bounds that wait, and a flow that stops
 * waiting (cancel, reset, stop, timeout) removes the listener, so the bridge is never called later.
 */
export function createJSBridgeHost(options: JSBridgeHostOptions = {}): AuthCodeHost {
  return {
    takesSignal: true,
    getAuthCode(callOptions, context) {
      const bridge = options.bridge ?? readGlobalBridge();
      if (bridge) return callBridge(bridge, callOptions);
      // A logic layer or a server has no document, hence no ready event to wait for.
      const page = typeof document === 'undefined' ? undefined : document;
      if (typeof page?.addEventListener !== 'function') {
        throw new Error(
          'No AlipayJSBridge: this page is not inside an Alipay-family app (and has no document to wait for AlipayJSBridgeReady on).',
        );
      }
      const onReady = () => {
        page.removeEventListener('AlipayJSBridgeReady', onReady);
        const ready = readGlobalBridge();
        if (ready) return callBridge(ready, callOptions);
        const payload = {
          error: 'no-bridge',
          errorMessage: 'AlipayJSBridgeReady fired, but there is no AlipayJSBridge with a call function.',
        };
        callOptions.fail?.(payload);
        callOptions.complete?.(payload);
      };
      page.addEventListener('AlipayJSBridgeReady', onReady);
      // A flow that stopped waiting before the event must not get a sheet nobody waits for.
      context?.signal.addEventListener('abort', () =>
        page.removeEventListener('AlipayJSBridgeReady', onReady),
      );
    },
  };
}
