import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const outputDirectory = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));
const contractsEntry = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));

// In development the page talks to a running gateway through the dev server, so same-origin paths work as they do in production.
const gatewayUrl = process.env.GATEHOUSE_URL ?? 'http://127.0.0.1:8080';
const gatewayPaths = ['/health', '/ready', '/v1', '/admin/api'];

export default defineConfig({
  root: appRoot,
  base: '/ui/',
  plugins: [react()],
  resolve: {
    alias: { '@gatehouse/contracts': contractsEntry },
  },
  build: {
    outDir: outputDirectory,
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(gatewayPaths.map((path) => [path, { target: gatewayUrl, changeOrigin: true }])),
  },
});
