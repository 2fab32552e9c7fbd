// Stand-in for @authcode/core with the same names, doing nothing: the size baseline of a page without the library.
export const authCodeMachine = {};
export const toView = () => ({
  status: 'idle',
  isLoading: false,
  authCode: undefined,
  grantedScopes: [],
  deniedScopes: {},
  error: undefined,
});
export const maskAuthCode = (code: string) => `${code.slice(0, 4)}…`;
