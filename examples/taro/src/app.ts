import type { PropsWithChildren } from 'react';

// Taro's App component: the pages render inside it.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
