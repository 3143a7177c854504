import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');
/** BENCH_ENTRY builds another script of this folder the same way (a profiling run, say). */
const entry = process.env.BENCH_ENTRY ?? 'catalog-bench';

/**
 * Builds the catalog benchmark into one Node ESM file (Node 20 cannot run TypeScript itself).
 * Dependencies stay external and load from node_modules, as in the app's main bundle.
 */
export default defineConfig({
  root,
  resolve: { alias: { '@contract': resolve(root, 'preload/contract') } },
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, `${entry}.ts`),
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: `${entry}.js` } },
  },
});
