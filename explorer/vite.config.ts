/**
 * Builds the explorer (explorer/ → dist/explorer), served by the server at /explorer/. Everything is
 * bundled: the page loads nothing from another origin.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/explorer/',
  logLevel: 'warn',
  build: {
    outDir: path.join(here, '../dist/explorer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
});
