// Stand-in for @authcode/react's useAuthCode, doing nothing: the size baseline of a page without the library.
export function useAuthCode(_input?: unknown) {
  return {
    status: 'idle',
    authCode: undefined as string | undefined,
    error: undefined as { kind: string } | undefined,
    request: async () => undefined,
    cancel: () => undefined,
  };
}
