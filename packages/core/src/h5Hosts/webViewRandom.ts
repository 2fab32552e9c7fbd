import { readGlobalMy } from '../superApp/globalMy.js';
import { encodeSecret, SECRET_BYTES, type SecretSource } from './webViewSecret.js';

/** Fresh secrets for `src()`: from Web Crypto when the engine has it, else from the host's random API. */
export interface SecretMaker {
  /** A fresh secret now; throws, saying why, when there is none yet (or none at all). */
  take(): { secret: string; source: SecretSource };
  /** Resolves once `take` can give a secret; rejects when neither source exists. */
  ready(): Promise<void>;
}

type RandomValuesApi = (options: {
  length: number;
  success?: (result: { randomValues?: ArrayBuffer }) => void;
  fail?: (error: unknown) => void;
}) => void;

const NO_SOURCE =
  'No cryptographic random source for the web-view secret: this engine has no Web Crypto (crypto.getRandomValues) and the host has no my.getRandomValues. authcode never falls back to Math.random; see docs/h5-pages.md.';

function webCryptoBytes(): Uint8Array | undefined {
  try {
    // A logic layer often has no `crypto` at all: read it only behind typeof.
    const webCrypto = typeof crypto === 'object' && crypto !== null ? crypto : undefined;
    if (typeof webCrypto?.getRandomValues === 'function') {
      return webCrypto.getRandomValues(new Uint8Array(SECRET_BYTES));
    }
  } catch {
    // A getter that throws, or a crypto that refuses: use the host's API.
  }
}

function readHostRandom(): RandomValuesApi | undefined {
  const page = readGlobalMy();
  const api = page?.getRandomValues;
  return typeof api === 'function' ? (options) => (api as RandomValuesApi).call(page, options) : undefined;
}

/**
 * Web Crypto answers at once. A mini program's logic layer often has none; its host's
 * `my.getRandomValues` answers in a callback, so one secret is asked for ahead and kept until taken.
 */
export function createSecretMaker(): SecretMaker {
  let ahead: string | undefined;
  let asking: Promise<void> | undefined;

  const askHost = (): Promise<void> =>
    (asking ??= new Promise<void>((resolve, reject) => {
      const api = readHostRandom();
      if (!api) return reject(new Error(NO_SOURCE));
      const done = (error?: Error) => {
        asking = undefined;
        if (error) reject(error);
        else resolve();
      };
      try {
        api({
          length: SECRET_BYTES,
          success: (result) => {
            const bytes = new Uint8Array(result?.randomValues ?? new ArrayBuffer(0));
            if (bytes.length < SECRET_BYTES) {
              return done(new Error(`my.getRandomValues gave ${bytes.length} bytes, not ${SECRET_BYTES}.`));
            }
            ahead = encodeSecret(bytes.subarray(0, SECRET_BYTES));
            done();
          },
          fail: () => done(new Error('my.getRandomValues failed: no secret for the web-view.')),
        });
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    }));

  const ready = (): Promise<void> =>
    webCryptoBytes() || ahead !== undefined ? Promise.resolve() : askHost();

  // Asked now, so that a page that calls `src()` later does not wait (a failure shows in `ready`).
  if (!webCryptoBytes()) ready().catch(() => {});

  return {
    take() {
      const bytes = webCryptoBytes();
      if (bytes) return { secret: encodeSecret(bytes), source: 'web-crypto' };
      const secret = ahead;
      if (secret === undefined) {
        throw new Error(
          readHostRandom()
            ? 'The host has not given random bytes for the web-view secret yet: call `await responder.ready()` before `responder.src(url)`.'
            : NO_SOURCE,
        );
      }
      ahead = undefined;
      // The next src() gets fresh bytes of its own, never these again.
      askHost().catch(() => {});
      return { secret, source: 'host' };
    },
    ready,
  };
}
