/** Layer rules of orbwatch (docs/design/packages.md): dependencies point one way, inward. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
    {
      name: 'core-is-pure',
      comment: 'core runs in Node and the browser: no node builtins, no other orbwatch package',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '\\.test(-support)?\\.ts$' },
      to: { pathNot: ['^packages/core/src', 'node_modules/satellite\\.js', 'node_modules/zod'] },
    },
    {
      name: 'store-imports-core-only',
      severity: 'error',
      from: { path: '^packages/store/src' },
      to: { path: '^packages/(sources|cli|api|web)/' },
    },
    {
      name: 'sources-imports-core-only',
      severity: 'error',
      from: { path: '^packages/sources/src' },
      to: { path: '^packages/(store|cli|api|web)/' },
    },
    {
      name: 'app-imports-core-store-sources-only',
      comment: 'the use cases every front end shares: never a front end',
      severity: 'error',
      from: { path: '^packages/app/src' },
      to: { path: '^packages/(cli|api|web|workers)/' },
    },
    {
      name: 'api-imports-app-core-store-types-only',
      comment: 'the HTTP front end: use cases from app, values from core, only types from store; never another front end',
      severity: 'error',
      from: { path: '^packages/api/src' },
      to: { path: '^packages/(cli|web|workers|sources)/' },
    },
    {
      name: 'api-takes-store-types-only',
      comment: 'the repository and the clock are passed in (createApi); the api never opens a store itself',
      severity: 'error',
      from: { path: '^packages/api/src' },
      to: { path: '^packages/store/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'workers-imports-core-only',
      severity: 'error',
      from: { path: '^packages/workers/src' },
      to: { path: '^packages/(store|sources|cli|api|web)/' },
    },
    {
      name: 'web-imports-core-only',
      comment: 'the browser UI: core (pure) and nothing with Node or native code',
      severity: 'error',
      from: { path: '^packages/web/src' },
      to: { path: '^packages/(store|sources|app|cli|workers)/' },
    },
    {
      name: 'web-imports-api-types-only',
      comment: 'the UI speaks to the API over HTTP; from its package it takes the shapes, never code',
      severity: 'error',
      from: { path: '^packages/web/src' },
      to: { path: '^packages/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-deep-imports-across-packages',
      comment: 'import another package only through its exports',
      severity: 'error',
      from: { path: '^packages/([^/]+)/src' },
      to: { path: '^packages/([^/]+)/src/(?!index\\.ts$)', pathNot: '^packages/$1/' },
    },
    {
      name: 'no-self-barrel',
      comment: "never import your own package's index from inside it",
      severity: 'error',
      from: { path: '^packages/([^/]+)/src/(?!index\\.ts$)' },
      to: { path: '^packages/$1/src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The web UI's bundle (Vite output): minified chunks that import each other, not source.
    exclude: { path: '^packages/web/dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      conditionNames: ['@orbwatch/source', 'import', 'types', 'default'],
      exportsFields: ['exports'],
    },
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
