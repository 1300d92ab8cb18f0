import { defineConfig } from 'vite';

// The app is served by Spring Boot from the jar (classpath:/static); in development `npm run dev`
// proxies /api to a running back end.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}', 'lint/*.test.ts'] },
});
