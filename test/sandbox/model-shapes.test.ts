import { describe, expect, it } from 'vitest';
import { loadModel, modelPattern, shapeProblems, type ServiceModel } from './model-shapes.js';

const model: ServiceModel = {
  metadata: { serviceId: 'Test', protocol: 'json' },
  operations: {},
  shapes: {
    Out: {
      type: 'structure',
      required: ['Id'],
      members: {
        Id: { shape: 'Id' },
        Status: { shape: 'Status' },
        Items: { shape: 'Items' },
        When: { shape: 'When' },
        Pick: { shape: 'Pick' },
      },
    },
    Id: { type: 'string', min: 3, max: 5, pattern: '[a-z]+' },
    Status: { type: 'string', enum: ['ON', 'OFF'] },
    Items: { type: 'list', member: { shape: 'Id' }, max: 2 },
    When: { type: 'timestamp' },
    Pick: { type: 'structure', union: true, members: { A: { shape: 'Id' }, B: { shape: 'Id' } } },
  },
  // the SDK's static schema of Out knows one member more than the copy above
  sdk: { Out$: [3, 'ns', 'Out', 0, ['Id', 'Status', 'Items', 'When', 'Pick', 'Newer'], [0, 0, 0, 4, 0, 0]] },
};

describe('shapeProblems', () => {
  it('accepts an answer the model allows, including a member only the newer SDK schema has', () => {
    expect(
      shapeProblems(model, 'Out', { Id: 'abc', Status: 'ON', Items: ['abc', 'defg'], When: 1.5, Pick: { A: 'abc' }, Newer: 'x' }),
    ).toEqual([]);
  });

  it('reports a missing required member, an unknown member and null', () => {
    expect(shapeProblems(model, 'Out', { Other: 1, Status: null })).toEqual([
      '$.Id: required member missing',
      '$.Other: member not in the model',
      '$.Status: null (the JSON protocol omits absent members)',
    ]);
  });

  it('reports enum values, lengths, patterns, list sizes, timestamps and unions out of the model', () => {
    expect(
      shapeProblems(model, 'Out', {
        Id: 'ab',
        Status: 'MAYBE',
        Items: ['abc', 'abc', 'abc'],
        When: '2026-01-01',
        Pick: { A: 'abc', B: 'abc' },
      }),
    ).toEqual([
      "$.Id: length 2 below the model's min 3",
      '$.Status: "MAYBE" is not one of ON, OFF',
      "$.Items: length 3 above the model's max 2",
      '$.When: a timestamp must be epoch seconds',
      '$.Pick: a union must set exactly one member, has 2',
    ]);
    expect(shapeProblems(model, 'Id', 'AB1')).toEqual(['$: "AB1" does not match the model\'s pattern [a-z]+']);
  });

  it('anchors patterns: a value matching only in part is refused', () => {
    expect(shapeProblems(model, 'Id', 'abc1')).toHaveLength(1);
  });

  it('keeps Unicode classes and drops Java-only escapes of plain characters', () => {
    const claim = modelPattern('\\p{L}+(?:(\\.|\\_)\\p{L}+){0,2}');
    expect(claim?.test('émile_costCenter')).toBe(true);
    expect(claim?.test('p{L}')).toBe(false);
    expect(modelPattern('[a\\-z]+')?.test('-')).toBe(true);
    expect(modelPattern('[a\\-z]+')?.test('b')).toBe(false);
  });

  it("reads a leading Java inline flag (?s) as JavaScript's dotAll flag", () => {
    expect(modelPattern('(?s).*')?.test('line one\nline two')).toBe(true);
    expect(modelPattern('.*')?.test('line one\nline two')).toBe(false);
  });

  it('compiles every string pattern of the vendored models, with the u flag or without (none is skipped)', () => {
    const failing = (['sso-admin', 'identitystore', 'organizations', 'cloudtrail', 'accessanalyzer'] as const).flatMap((name) =>
      Object.entries(loadModel(name).shapes)
        .filter(([, s]) => s.type === 'string' && s.pattern !== undefined)
        .filter(([, s]) => modelPattern(s.pattern ?? '') === null)
        .map(([shape]) => `${name} ${shape}`),
    );
    expect(failing).toEqual([]);
  });
});
