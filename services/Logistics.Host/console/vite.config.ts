import { defineConfig } from 'vite';

// Served by the host at /console/ (services/Logistics.Host/WebConsole); everything is bundled, nothing loads from a CDN.
export default defineConfig({
  base: '/console/',
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 1500 },
});
