import { describe, expect, it } from 'vitest';
import { normalizeSessionDuration, sessionDurationSeconds } from './session-duration.js';

describe('normalizeSessionDuration', () => {
  it.each([
    [3600, 'PT1H'],
    ['3600', 'PT1H'],
    ['PT1H', 'PT1H'],
    ['PT60M', 'PT1H'],
    ['PT3600S', 'PT1H'],
    ['PT90M', 'PT1H30M'],
    ['pt8h', 'PT8H'],
    ['PT12H', 'PT12H'],
    ['PT1H0M0S', 'PT1H'],
    [5400, 'PT1H30M'],
    ['PT45S', 'PT45S'],
  ])('turns %j into %s', (input, expected) => {
    expect(normalizeSessionDuration(input)).toBe(expected);
  });

  it('keeps an unreadable value as is so validation can report it', () => {
    expect(normalizeSessionDuration('P1D')).toBe('P1D');
    expect(normalizeSessionDuration('eight hours')).toBe('eight hours');
    expect(sessionDurationSeconds('PT')).toBeUndefined();
  });
});
