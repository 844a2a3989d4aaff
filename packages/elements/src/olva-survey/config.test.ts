import { describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from '@olva/runtime';
import { parseChannel, parseTerritory, responseContext } from './config.js';
import { stringsFor } from '../strings.js';

const compiled = (territory: CompiledQuestionnaire['territory']) => ({ territory }) as CompiledQuestionnaire;
const strings = stringsFor('fr');

describe('parseTerritory', () => {
  it('reads level:code', () => {
    expect(parseTerritory('commune:35238')).toEqual({ level: 'commune', code: '35238' });
    expect(parseTerritory(' epci:200042174 ')).toEqual({ level: 'epci', code: '200042174' });
    expect(parseTerritory('commune:2A004')).toEqual({ level: 'commune', code: '2A004' });
  });
  it('is null when absent and invalid when unreadable', () => {
    expect(parseTerritory(undefined)).toBeNull();
    expect(parseTerritory('')).toBeNull();
    expect(parseTerritory('35238')).toBe('invalid');
    expect(parseTerritory('ville:35238')).toBe('invalid');
    expect(parseTerritory('commune:<b>')).toBe('invalid');
  });
});

describe('parseChannel', () => {
  it('keeps the contract channels and defaults to web', () => {
    expect(parseChannel('paper')).toBe('paper');
    expect(parseChannel('kiosk')).toBe('kiosk');
    expect(parseChannel('phone')).toBe('phone');
    expect(parseChannel(undefined)).toBe('web');
    expect(parseChannel('fax')).toBe('web');
  });
});

describe('responseContext', () => {
  it('takes the territory attribute first, then the questionnaire’s', () => {
    const rennes = compiled({ level: 'commune', code: '35238', name: 'Rennes' });
    const own = responseContext({ territory: 'epci:200042174', wave: '2026', locale: 'fr' }, rennes, strings);
    expect(own.context?.territory).toEqual({ level: 'epci', code: '200042174' });
    const inherited = responseContext({ wave: '2026', source: 'forum-2026', channel: 'kiosk', locale: 'en' }, rennes, strings);
    expect(inherited.context).toMatchObject({
      territory: { level: 'commune', code: '35238' }, wave: '2026', source: 'forum-2026', channel: 'kiosk', locale: 'en',
      client: { name: '@olva/elements' },
    });
  });
  it('names what is missing', () => {
    const result = responseContext({ locale: 'fr' }, compiled(null), strings);
    expect(result.context).toBeNull();
    expect(result.problems).toEqual([strings.missingTerritory, strings.missingWave]);
    expect(responseContext({ territory: 'nope', wave: '2026', locale: 'fr' }, compiled(null), strings).problems)
      .toEqual([strings.badTerritory]);
  });
  it('leaves out a blank source', () => {
    const result = responseContext({ territory: 'commune:35238', wave: '2026', source: '  ', locale: 'fr' }, compiled(null), strings);
    expect(result.context && 'source' in result.context).toBe(false);
  });
});
