import type { Meta, StoryObj } from '@storybook/web-components-vite';
import fixture from '../fixtures/types/text.js';
import { playAnswered, playError, playHidden, surveyOf } from '../support/type-stories.js';

/** The `text` question type in its four states. */
const meta = {
  title: 'Questions/Texte court (text)',
  component: 'olva-survey',
  render: () => surveyOf(fixture),
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** As first shown: nothing answered. */
export const Empty: Story = {};
/** Answered with the keyboard-equivalent DOM actions. */
export const Answered: Story = { play: playAnswered(fixture) };
/** Required and left empty, after pressing the primary button. */
export const WithError: Story = { play: playError };
/** Hidden by its condition (the switch above answered "yes"). */
export const Hidden: Story = { play: playHidden };
