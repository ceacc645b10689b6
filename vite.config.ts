import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app:// in Electron and from the loopback bridge in browser
// mode: relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The manifest lets test/unit/renderer/bundle-size.test.ts weigh what index.html loads first.
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: false, manifest: true },
});
