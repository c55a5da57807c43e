/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the gateway from the same origin as the API; in development, Vite proxies the API
// to a gateway on 8080 (./hypertube up), so cookies and paths are the same as in production.
const gateway = process.env.HYPERTUBE_GATEWAY ?? 'http://127.0.0.1:8080';
const apiPaths = ['/api', '/stream', '/oauth', '/.well-known', '/actuator', '/swagger-ui', '/v3', '/api-docs'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline script or style: the gateway's CSP allows 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          testTimeout: 10_000,
        },
      },
      {
        extends: true,
        test: { name: 'browser', environment: 'node', include: ['e2e/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
