import { randomBytes } from 'node:crypto';

/** What `my.getRandomValues` needs from the logic layer it answers in. */
export interface RandomValuesLayer {
  /** Runs `callback` as a later task of the layer: the hosts answer through their bridge, never inside the call. */
  later(callback: () => void): void;
  /** An object of the layer's realm. */
  toLayer(value: unknown): unknown;
  /** The bytes as an ArrayBuffer of the layer's realm. */
  bytesToLayer(bytes: Uint8Array): ArrayBuffer;
  /** Calls a page callback; what it throws is reported as the engine would. */
  deliver(callback: unknown, payload: unknown): void;
}

/** The most bytes one call gives (Web Crypto's limit too): more is refused. */
export const maxRandomBytes = 65_536;

/**
 * `my.getRandomValues({ length, success, fail, complete })` as WeChat-style hosts (and Huawei's) answer
 * it: on a later task, `{ randomValues: ArrayBuffer }` of cryptographically random bytes. The bytes come
 * from node:crypto outside the layer, which has no Web Crypto. `given` receives a copy of each answer,
 * so a test can tell which secret came from which bytes.
 */
export function createGetRandomValues(
  layer: RandomValuesLayer,
  given: Uint8Array[],
): (request: unknown) => void {
  return (request) => {
    const options = (typeof request === 'object' && request !== null ? request : {}) as Record<
      string,
      unknown
    >;
    const { length } = options;
    layer.later(() => {
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > maxRandomBytes) {
        const payload = layer.toLayer({
          error: 2,
          errorMessage: `getRandomValues: length must be an integer from 1 to ${maxRandomBytes}.`,
        });
        layer.deliver(options.fail, payload);
        layer.deliver(options.complete, payload);
        return;
      }
      const bytes = new Uint8Array(randomBytes(length));
      given.push(bytes.slice());
      const payload = layer.toLayer({}) as Record<string, unknown>;
      payload.randomValues = layer.bytesToLayer(bytes);
      layer.deliver(options.success, payload);
      layer.deliver(options.complete, payload);
    });
  };
}
