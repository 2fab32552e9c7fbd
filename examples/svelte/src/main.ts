import '@authcode/example-shared/styles.css';
import { detectMerchantServer, isInspectorRequested, loadInspector } from '@authcode/example-shared';
import { mount } from 'svelte';
import App from './App.svelte';

async function start() {
  const [inspector, merchantServer] = await Promise.all([
    // Only with ?inspect: the inspector is a chunk of its own, never fetched otherwise.
    isInspectorRequested() ? loadInspector() : undefined,
    // One GET: whether the merchant server serves this page, and who is already signed in.
    detectMerchantServer(),
  ]);
  mount(App, { target: document.getElementById('app')!, props: { inspector, merchantServer } });
}

void start();
