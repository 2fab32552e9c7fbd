export { useAuthCode } from './useAuthCode';
export { provideAuthCode, injectAuthCode, authCodeKey } from './context';
export type { AuthCodeRefs, UseAuthCodeReturn } from './types';
