import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { hookscopeRuntime } from './scripts/vite-plugin-runtime.ts';

/**
 * Port the built app is previewed on for end-to-end tests (see playwright.config.ts).
 * HOOKSCOPE_E2E_PORT lets two checkouts on one machine run e2e side by side.
 */
export const E2E_PORT = Number(process.env['HOOKSCOPE_E2E_PORT'] ?? 4317);

export default defineConfig({
  plugins: [react(), hookscopeRuntime()],
  // Monaco and the sandbox runtime use module workers (`?worker` imports).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco's TS worker alone is ~1.5 MB gzip: size warnings would only be noise.
    chunkSizeWarningLimit: 8000,
  },
  server: {
    host: '127.0.0.1',
  },
  // Bind to IPv4 loopback explicitly: "localhost" may resolve to ::1 on Node 20,
  // while Playwright's baseURL is http://127.0.0.1:<port>.
  preview: {
    host: '127.0.0.1',
    port: E2E_PORT,
    strictPort: true,
  },
});
