import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API a `npm run dev:web` server forwards to (a running `npm start`).
const api = process.env.KEYPORT_API_URL ?? 'http://localhost:3000';

/**
 * The portal's single-page app. `npm run build:web` writes dist/, which the API process serves at `/`
 * (apps/portal-api/src/http/web-app.ts); `npm run dev:web` serves it with hot reload instead.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // Vite stamps this placeholder on its script tags and a <meta property="csp-nonce">; the API
  // replaces it with a fresh nonce per response, which Mantine then puts on its <style> tags.
  html: { cspNonce: 'KEYPORT_CSP_NONCE' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/v1': api, '/docs': api, '/health': api } },
});
