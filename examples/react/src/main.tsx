import '@authcode/example-shared/styles.css';
import { isInspectorRequested, loadInspector } from '@authcode/example-shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

async function start() {
  // Only with ?inspect: the inspector is a chunk of its own, never fetched otherwise.
  const inspector = isInspectorRequested() ? await loadInspector() : undefined;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App inspector={inspector} />
    </StrictMode>,
  );
}

void start();
