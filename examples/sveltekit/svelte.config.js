import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  // `node build` serves the app, server rendering on (SvelteKit's default).
  kit: { adapter: adapter() },
};

export default config;
