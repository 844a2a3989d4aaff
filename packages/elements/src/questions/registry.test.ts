import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '@olva/schema';
import { questionRenderer, registerQuestionRenderer, renderedTypes } from './registry.js';
import { renderText } from './text.js';

describe('question renderer registry', () => {
  it.each(QUESTION_TYPES)('has a renderer for "%s"', (type) => {
    expect(typeof questionRenderer(type)).toBe('function');
  });

  it('has no renderer for a type the contract does not know', () => {
    expect(questionRenderer('slider')).toBeUndefined();
    expect([...renderedTypes()].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it('lets a page replace a renderer', () => {
    const original = questionRenderer('commune')!;
    try {
      registerQuestionRenderer('commune', renderText);
      expect(questionRenderer('commune')).toBe(renderText);
    } finally {
      registerQuestionRenderer('commune', original);
    }
  });
});
