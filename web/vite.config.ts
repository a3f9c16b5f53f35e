import { defineConfig } from 'vitest/config';

// Preact's automatic JSX runtime through Vite's own transformer: no Babel preset needed.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    // `BUYALIGN_URL=http://127.0.0.1:8080 npm run dev` forwards the API to a running server.
    proxy: process.env.BUYALIGN_URL
      ? { '/api': { target: process.env.BUYALIGN_URL, changeOrigin: true } }
      : undefined,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'bench/**/*.test.mjs'],
  },
});
