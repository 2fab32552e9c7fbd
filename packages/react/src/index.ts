export { useAuthCode } from './useAuthCode';
export { AuthCodeProvider, useAuthCodeContext } from './context';
export type { AuthCodeProviderProps } from './context';
export { useAuthCodeSelector } from './useAuthCodeSelector';
export type { AuthCodeCompare, AuthCodeSelector } from './useAuthCodeSelector';
export type { AuthCodeActions, UseAuthCodeResult } from './types';
