import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  // The components announce their language through `lang`; the page says French.
  decorators: [(story) => { document.documentElement.lang = 'fr'; return story(); }],
};

export default preview;
