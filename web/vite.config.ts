// Builds the statement viewer (web/) into web/dist, which the API server serves at / (src/http/web-app.ts).
// Preact's JSX through Vite's own transformer; pdf.js' standard fonts and CMaps are copied beside the bundle so the
// source-page viewer renders reports whose fonts are not embedded, with no network.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function pdfjsAssets(): Plugin {
  return {
    name: 'pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of ['standard_fonts', 'cmaps']) {
        for (const file of readdirSync(path.join(pdfjsRoot, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${file}`, source: readFileSync(path.join(pdfjsRoot, folder, file)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: path.dirname(new URL(import.meta.url).pathname),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [pdfjsAssets()],
  // The SDK package from its sources (sdk/src), as a client project would import it once built.
  resolve: { alias: { '@financial-data-extractor/sdk': path.resolve(path.dirname(new URL(import.meta.url).pathname), '../sdk/src/index.ts') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // pdf.js' worker is 1 MB; its build time is no news.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
