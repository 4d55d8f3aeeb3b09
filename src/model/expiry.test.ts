import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schema/identity.schema.json' with { type: 'json' };
import { parseExpiresAt } from './expiry.js';

const at = (written: string) => {
  const parsed = parseExpiresAt(written);
  return 'at' in parsed ? parsed.at : `error: ${parsed.error}`;
};

describe('parseExpiresAt', () => {
  it('reads a date as the end of that day in UTC: absent from the next midnight UTC on', () => {
    expect(at('2026-12-31')).toBe('2027-01-01T00:00:00.000Z');
    expect(at('2028-02-29')).toBe('2028-03-01T00:00:00.000Z');
  });

  it('reads a date-time at its offset, whatever the zone of the machine', () => {
    expect(at('2026-12-31T18:00:00+02:00')).toBe('2026-12-31T16:00:00.000Z');
    expect(at('2026-12-31T18:00:00-05:30')).toBe('2026-12-31T23:30:00.000Z');
    expect(at('2026-12-31T23:30:00-01:00')).toBe('2027-01-01T00:30:00.000Z');
    expect(at('2026-12-31T16:00:00Z')).toBe('2026-12-31T16:00:00.000Z');
    expect(at('2026-12-31T16:00:00+00:00')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('keeps milliseconds and cuts finer fractions instead of rounding them into the next second', () => {
    expect(at('2026-12-31T16:00:00.5Z')).toBe('2026-12-31T16:00:00.500Z');
    expect(at('2026-12-31T23:59:59.999999999Z')).toBe('2026-12-31T23:59:59.999Z');
  });

  it('keeps years below 100 as written (Date.UTC would add 1900)', () => {
    expect(at('0050-01-01')).toBe('0050-01-02T00:00:00.000Z');
  });

  it('refuses a date-time without an offset: its day would depend on the machine', () => {
    expect(at('2026-12-31T18:00:00')).toMatch(/^error: "2026-12-31T18:00:00" is not a date .* or a date-time with an offset/);
  });

  it('refuses what matches the form but not the calendar or the clock', () => {
    expect(at('2026-02-29')).toBe('error: "2026-02-29" is not a calendar date (2026-02 has 28 days)');
    expect(at('2026-13-01')).toBe('error: "2026-13-01" is not a calendar date (2026-13 has no days)');
    expect(at('2026-04-31')).toMatch(/has 30 days/);
    expect(at('2100-02-29')).toMatch(/has 28 days/);
    expect(at('2000-02-29')).toBe('2000-03-01T00:00:00.000Z');
    expect(at('2026-12-31T24:00:00Z')).toMatch(/is not a time of day/);
    expect(at('2026-12-31T23:59:60Z')).toMatch(/is not a time of day/);
    expect(at('2026-12-31T10:00:00+24:00')).toMatch(/offset/);
  });

  it('accepts exactly the forms the schema accepts', () => {
    const definition = (schema as { definitions: { expiresAt: { pattern: string } } }).definitions.expiresAt;
    const matchesSchema = new Ajv({ strict: false }).compile({ type: 'string', pattern: definition.pattern });
    const samples = [
      '2026-12-31',
      '2026-12-31T18:00:00Z',
      '2026-12-31T18:00:00.123+02:00',
      '2026-12-31T18:00:00',
      '2026-12-31T18:00Z',
      '2026-12-31 18:00:00Z',
      '31.12.2026',
      '2026-12-31t18:00:00z',
      '2026-12-31T18:00:00+0200',
    ];
    for (const sample of samples) expect([sample, matchesSchema(sample)]).toEqual([sample, !at(sample).startsWith('error: "')]);
  });
});

describe('parseExpiresAt and the time zone of the machine', () => {
  it('gives the same instants whatever TZ the process runs in', () => {
    const before = process.env.TZ;
    const samples = ['2026-12-31', '2026-03-29T02:30:00+01:00', '2026-12-31T23:59:59.999-12:00'];
    try {
      const results = ['UTC', 'Pacific/Kiritimati', 'America/St_Johns', 'Pacific/Pago_Pago'].map((zone) => {
        process.env.TZ = zone;
        return samples.map(at);
      });
      expect(results.every((r) => JSON.stringify(r) === JSON.stringify(results[0]))).toBe(true);
      expect(results[0]).toEqual(['2027-01-01T00:00:00.000Z', '2026-03-29T01:30:00.000Z', '2027-01-01T11:59:59.999Z']);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
