/// <reference types="vitest" />
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { vigieAssets } from './build/assets';
import { marianneLatin } from './build/fonts';

// The web UI is built into web/dist and served by the vigie binary.
export default defineConfig({
  root: __dirname,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [
    marianneLatin(join(__dirname, '../node_modules/@gouvfr/dsfr/dist/fonts'), join(__dirname, '.fonts')),
    vigieAssets(join(__dirname, 'src/modules')),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would be data: URLs; fonts must stay files for the CSP (font-src 'self').
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080', '/readyz': 'http://127.0.0.1:8080' },
  },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'build/**/*.test.ts'], environment: 'node' },
});
