import { dropCode, revealCode, type SealedCode } from '../credential/secret.js';
import { fromResumable } from './resumable.js';

export interface CodeLifetimeInput {
  /** Absent when `success` holds a session instead of a code. */
  code: SealedCode | undefined;
  /** 0 keeps the code until the flow leaves `success`. */
  lifetimeMs: number;
}

export type CodeLifetimeEvent = { type: 'CODE.EXPIRED' };

/**
 * Drops a held code from memory once its lifetime is over (hosts invalidate codes after minutes),
 * or when the flow leaves `success`. A timer of its own, so it keeps running across restarts. A
 * code that cannot be revealed (a snapshot restored from storage holds only its masked form)
 * expires at once.
 */
export const codeLifetime = fromResumable<CodeLifetimeInput, CodeLifetimeEvent>(
  ({ code, lifetimeMs }, report) => {
    const expire = () => {
      dropCode(code);
      report({ type: 'CODE.EXPIRED' });
    };
    const timer =
      code === undefined
        ? undefined
        : revealCode(code) === undefined
          ? void expire()
          : lifetimeMs > 0
            ? setTimeout(expire, lifetimeMs)
            : undefined;
    // Dropping no code (`undefined`) does nothing.
    return () => {
      clearTimeout(timer);
      dropCode(code);
    };
  },
);
