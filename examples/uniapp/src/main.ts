import { createSSRApp } from 'vue';
import App from './App.vue';

// uni-app's entry: the CLI calls createApp() and hands the app to the host's App().
export function createApp() {
  return { app: createSSRApp(App) };
}
