import { defineAdapterBuild } from '../../tsup.adapter.ts';

// Two entries, each one self-contained file (no shared chunk): the store entry stays as it was for
// Svelte 4 users, and the runes entry (Svelte 5.7+) is only loaded by those who import it.
export default defineAdapterBuild({ entry: ['src/index.ts', 'src/runes.ts'], splitting: false });
