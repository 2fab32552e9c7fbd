import '@authcode/example-shared/styles.css';
import { isInspectorRequested, loadInspector } from '@authcode/example-shared';
import { createApp } from 'vue';
import App from './App.vue';

async function start() {
  // Only with ?inspect: the inspector is a chunk of its own, never fetched otherwise.
  const inspector = isInspectorRequested() ? await loadInspector() : undefined;
  createApp(App, { inspector }).mount('#app');
}

void start();
