// Stand-in for xstate's createActor, doing nothing: the size baseline of a page without the library.
export const createActor = () => ({
  start() {},
  stop() {},
  send() {},
  subscribe: () => ({ unsubscribe() {} }),
});
