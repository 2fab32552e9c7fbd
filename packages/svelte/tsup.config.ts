import { defineAdapterBuild } from '../../tsup.adapter.ts';

export default defineAdapterBuild();
