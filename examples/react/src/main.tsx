import '@authcode/example-shared/styles.css';
import { detectMerchantServer, isInspectorRequested, loadInspector } from '@authcode/example-shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

async function start() {
  const [inspector, merchantServer] = await Promise.all([
    // Only with ?inspect: the inspector is a chunk of its own, never fetched otherwise.
    isInspectorRequested() ? loadInspector() : undefined,
    // One GET: whether the merchant server serves this page, and who is already signed in.
    detectMerchantServer(),
  ]);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App inspector={inspector} merchantServer={merchantServer} />
    </StrictMode>,
  );
}

void start();
