import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import b24ui from '@bitrix24/b24ui-nuxt/vite'
import { postAsGet } from './placement-ui/vite-post-as-get.ts'

const projectRoot = fileURLToPath(new URL('.', import.meta.url))
const slowTimeout = 30_000

// One config for the placement UI build (root: placement-ui, served under /ui/) and for the
// three Vitest projects: unit (pure and server-side modules), ui (happy-dom), integration (tests/).
export default defineConfig({
  root: fileURLToPath(new URL('./placement-ui', import.meta.url)),
  base: '/ui/',
  plugins: [
    vue(),
    b24ui({
      router: false,
      colorMode: false,
      prose: false,
      mdc: false,
      experimental: { componentDetection: true },
    } as Parameters<typeof b24ui>[0]),
    postAsGet(),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    root: projectRoot,
    projects: [
      {
        test: {
          name: 'unit',
          root: projectRoot,
          environment: 'node',
          include: ['server/**/*.test.ts', 'robots/**/*.test.ts', 'install/**/*.test.ts', 'sandbox/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          root: projectRoot,
          environment: 'happy-dom',
          include: ['placement-ui/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          root: projectRoot,
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          testTimeout: slowTimeout,
          hookTimeout: slowTimeout,
          fileParallelism: false,
        },
      },
    ],
  },
})
