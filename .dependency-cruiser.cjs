// @ts-check
// The direction of imports in the libraries, checked by `pnpm lint` (docs/architecture.md draws it).
// The core's rooms, from the top: the entries → view/ → machine/ → the host contract and types
// (types.ts, superApp/) → errors/ and credential/. The host rooms (h5Hosts/, testHosts/, inspection/)
// stand beside the machine: they see only the contract. exchange/ stands beside it too, seen only by
// its entry. Each room's README says the same in words.
const core = '^packages/core/src';
const entries = `${core}/(index|catalogue|exchange|testing|hosts|inspect)\\.ts$`;
const shared = `${core}/(types|own|scopes)\\.ts$`;
const hostRooms = `${core}/(h5Hosts|testHosts|inspection)/`;

/** @param {string} name @param {string} comment @param {string} from @param {string} to */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: to },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle of imports: move what both sides need one floor down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    forbid(
      'entries-are-the-top',
      'Only apps import an entry (index, catalogue, testing, hosts, inspect); an entry does not import another.',
      `${core}/`,
      entries,
    ),
    forbid(
      'shared-below-rooms',
      'types.ts, own.ts and scopes.ts are shared by every room: they import none.',
      shared,
      `${core}/[^/]+/`,
    ),
    forbid(
      'errors-at-the-bottom',
      'errors/ is the bottom floor: it imports only own.ts.',
      `${core}/errors/`,
      `${core}/(?!errors/|own\\.ts$)`,
    ),
    forbid(
      'credential-at-the-bottom',
      'credential/ imports nothing of the core.',
      `${core}/credential/`,
      `${core}/(?!credential/)`,
    ),
    forbid(
      'super-app-below-hosts',
      'superApp/ (the global `my`, the per-host turns) imports only types.ts.',
      `${core}/superApp/`,
      `${core}/(?!superApp/|types\\.ts$)`,
    ),
    forbid(
      'machine-below-view',
      'machine/ never imports the view, the exchange, a host room or an entry.',
      `${core}/machine/`,
      `${core}/(view|exchange|h5Hosts|testHosts|inspection)/`,
    ),
    forbid(
      'exchange-beside-the-machine',
      'exchange/ (what @authcode/core/exchange adds to a flow) sees the machine, never the view or a host room.',
      `${core}/exchange/`,
      `${core}/(view|h5Hosts|testHosts|inspection)/`,
    ),
    forbid(
      'exchange-only-from-its-entry',
      'Only the @authcode/core/exchange entry imports exchange/: apps without an exchange never load it.',
      `${core}/(view|h5Hosts|testHosts|inspection)/`,
      `${core}/exchange/`,
    ),
    forbid('view-above-machine', 'view/ never imports a host room.', `${core}/view/`, hostRooms),
    forbid(
      'hosts-see-the-contract',
      'A host room sees only the contract: not the machine, the view, or another host room.',
      `${core}/(h5Hosts|testHosts|inspection)/`,
      `${core}/(machine|view)/`,
    ),
    {
      name: 'host-rooms-apart',
      comment: 'Host rooms do not import each other.',
      severity: 'error',
      from: { path: `${core}/(h5Hosts|testHosts|inspection)/` },
      to: { path: hostRooms, pathNot: `${core}/$1/` },
    },
    forbid(
      'example-super-app-below',
      'examples/shared: superApp/ (where codes come from) imports neither session/ nor ui/.',
      '^examples/shared/src/superApp/',
      '^examples/shared/src/(session|ui)/',
    ),
    forbid(
      'example-ui-apart',
      'examples/shared: ui/ imports neither session/ nor superApp/; the pages join them.',
      '^examples/shared/src/ui/',
      '^examples/shared/src/(session|superApp)/',
    ),
    forbid(
      'example-session-no-ui',
      'examples/shared: session/ may use superApp/, never ui/.',
      '^examples/shared/src/session/',
      '^examples/shared/src/ui/',
    ),
    {
      name: 'adapters-use-the-core-api',
      comment: "An adapter imports @authcode/core's public entries, never a file of its source.",
      severity: 'error',
      from: { path: '^packages/(react|vue|svelte)/src/' },
      to: { path: `${core}/`, pathNot: entries },
    },
  ],
  options: {
    // Type-only imports count too: a circle of types is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/test/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      extensions: ['.ts', '.tsx', '.js'],
      conditionNames: ['@authcode/source', 'import', 'default'],
    },
  },
};
