import '@authcode/example-shared/styles.css';
import { isInspectorRequested, loadInspector } from '@authcode/example-shared';
import { mount } from 'svelte';
import App from './App.svelte';

async function start() {
  // Only with ?inspect: the inspector is a chunk of its own, never fetched otherwise.
  const inspector = isInspectorRequested() ? await loadInspector() : undefined;
  mount(App, { target: document.getElementById('app')!, props: { inspector } });
}

void start();
