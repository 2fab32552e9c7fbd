export { createAuthCode } from './createAuthCode';
export type { AuthCodeStore } from './createAuthCode';
export { setAuthCodeContext, getAuthCodeContext } from './context';
