import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

// The dev server proxies the server's three URL families, so `npm run dev -w @switchboard/web`
// talks to a server on :3000 (or SWITCHBOARD_URL) from the same origin, cookies included.
const server = process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: {
    alias: { '@': new URL('./src', import.meta.url).pathname },
    // One KaTeX: rehype-katex and mermaid each pin their own copy, but the chat loads the app's
    // (the one whose CSS it imports), so math is drawn by the version its stylesheet is for and
    // the lazy math chunk is not shipped twice.
    dedupe: ['katex'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under assets/: the server gives them a year-long immutable cache.
    assetsDir: 'assets',
    reportCompressedSize: false,
    // The budget that matters is the main bundle gzipped (< 250 KB, reported by the bench);
    // minified, React, the router, Radix and i18next together pass Vite's default 500 KB.
    chunkSizeWarningLimit: 800,
  },
  // The highlighter's worker loads each grammar on demand (dynamic imports): that needs an ES module worker.
  worker: { format: 'es' },
  server: {
    proxy: Object.fromEntries(['/api', '/v1', '/v1beta'].map((prefix) => [prefix, { target: server, changeOrigin: false }])),
  },
});
