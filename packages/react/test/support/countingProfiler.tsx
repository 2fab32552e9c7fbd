import { Profiler, type ReactNode } from 'react';

/** Counts React's commits of a subtree: StrictMode's second render of a commit is not one. */
export function createCommitCounter() {
  const counter = {
    commits: 0,
    Counted({ children }: { children: ReactNode }) {
      return (
        <Profiler id="counted" onRender={() => counter.commits++}>
          {children}
        </Profiler>
      );
    },
  };
  return counter;
}
