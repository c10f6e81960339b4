import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * satellite.js's root module also re-exports its WebAssembly builds (with Node-only worker code
 * that cannot be bundled for the browser). Core uses only the JavaScript SGP4, so the browser
 * build resolves `satellite.js` to a module re-exporting just those parts of its dist.
 */
function satelliteJsWithoutWasm(): Plugin {
  const id = '\0satellite.js-js-only';
  return {
    name: 'orbwatch-satellite-js-without-wasm',
    enforce: 'pre',
    resolveId(source) {
      return source === 'satellite.js' ? id : null;
    },
    async load(loaded) {
      if (loaded !== id) return null;
      const resolved = await this.resolve('satellite.js', join(dirname(fileURLToPath(import.meta.url)), 'index.html'), {
        skipSelf: true,
      });
      if (resolved === null) throw new Error('satellite.js not found');
      const dist = dirname(resolved.id);
      const f = (name: string): string => JSON.stringify(join(dist, name));
      return [
        `export * as constants from ${f('constants.js')};`,
        `export { jday, invjday } from ${f('ext.js')};`,
        `export { twoline2satrec, json2satrec } from ${f('io.js')};`,
        `export { propagate, sgp4, gstime } from ${f('propagation.js')};`,
        `export { SatRecError } from ${f('propagation/SatRec.js')};`,
        `export * from ${f('common-types.js')};`,
      ].join('\n');
    },
  };
}

// The UI is served by `orbwatch serve` at `/` from packages/web/dist; relative asset URLs keep it
// working under any base path. Core is taken from its built dist (the root build builds it first).
export default defineConfig({
  base: './',
  plugins: [satelliteJsWithoutWasm()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
});
