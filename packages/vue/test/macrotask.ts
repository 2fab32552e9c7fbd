/** Lets the host's timers and promise jobs run. */
export const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
