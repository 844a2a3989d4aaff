/**
 * Storybook for the OLVA web components. Stories import the components from their TypeScript
 * sources (packages/elements/src) through the same @olva/* aliases as vitest; whole-survey
 * stories load the built questionnaires (`npm run build`) from /questionnaires/<build-id>/.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));
const questionnaires = fileURLToPath(new URL('../build/questionnaires', import.meta.url));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Without a build the whole-survey stories show the component's load error; the others work.
  staticDirs: existsSync(questionnaires) ? [{ from: '../build/questionnaires', to: '/questionnaires' }] : [],
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: {
        alias: [
          { find: /^@olva\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` },
          { find: /^@olva\/([a-z-]+)\/(.+)$/, replacement: `${packages}$1/src/$2.ts` },
        ],
      },
      build: { chunkSizeWarningLimit: 4000 },
    });
  },
};

export default config;
