import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlText } from '../testing/yaml-texts.js';
import { parseStateFile, type ParsedFile } from './parse-yaml.js';
import type { PathSegment } from './source.js';

const FILE = 'identity/users.yaml';

/** Every path to a node of `value`, the root's included. */
function pathsOf(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const below = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...path, i]))
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))
      : [];
  return [path, ...below];
}

/** What a caller can observe of a parse: data, diagnostics, and the position of every node and key. */
function observe(parsed: ParsedFile, text: string) {
  // paths that stop short of existing too: a position then ends at the deepest node that does
  const paths = pathsOf(parsed.data).flatMap((path) => [path, [...path, 'missing'], [...path, 3]]);
  const offsets = [0, text.length >> 1, text.length];
  return {
    data: parsed.data,
    diagnostics: parsed.diagnostics,
    positions: paths.map((path) => [parsed.source.pos(path), parsed.source.pos(path, { key: true })]),
    offsets: offsets.map((offset) => parsed.source.posAtOffset(offset)),
  };
}

describe('the fast parse path', () => {
  it('gives what the yaml path gives (data, diagnostics, every position) for random state-like texts', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        const auto = parseStateFile(FILE, text);
        const slow = parseStateFile(FILE, text, { only: 'yaml' });
        runs++;
        if (auto.route === 'fast') fast++;
        expect(observe(auto, text)).toStrictEqual(observe(slow, text));
      }),
      { numRuns: 400 },
    );
    // the comparison means something only if the fast path took a fair share of the texts
    // (about 30% of them: the others hold a feature it refuses, or are not valid YAML)
    expect(fast).toBeGreaterThan(runs / 8);
  });

  it('resolves YAML 1.2 core scalars as the yaml path does, timestamps staying strings', () => {
    const text = [
      'a: [0o17, 0x1F, -0, +1, 007, 1_000, 0b1, 1e3, .5, 1e400, .inf, -.Inf, .NaN]',
      'b: [true, True, TRUE, Yes, on, null, Null, ~, ""]',
      "c: [2026-12-01, 2026-12-01T10:00:00Z, 12:30, café, \"\\u00e9\", 'it''s', a#b]",
      'd:',
      'f: a # comment',
      'e: |',
      '  two',
      '  lines',
      '',
    ].join('\n');
    const parsed = parseStateFile(FILE, text);
    expect(parsed.route).toBe('fast');
    expect(parsed.data).toStrictEqual(parseStateFile(FILE, text, { only: 'yaml' }).data);
    expect(parsed.data).toStrictEqual({
      a: [15, 31, -0, 1, 7, '1_000', '0b1', 1000, 0.5, Infinity, Infinity, -Infinity, NaN],
      b: [true, true, true, 'Yes', 'on', null, null, null, ''],
      c: ['2026-12-01', '2026-12-01T10:00:00Z', '12:30', 'café', 'é', "it's", 'a#b'],
      d: null,
      f: 'a',
      e: 'two\nlines\n',
    });
    expect(Object.is((parsed.data?.a as number[])[2], -0)).toBe(true);
  });

  it('reads CRLF line ends and a byte order mark, with the same positions', () => {
    const text = '\uFEFFusers:\r\n  - userName: "a@example.com"\r\n    displayName: A\r\n';
    const parsed = parseStateFile(FILE, text);
    expect(parsed.route).toBe('fast');
    expect(observe(parsed, text)).toStrictEqual(observe(parseStateFile(FILE, text, { only: 'yaml' }), text));
    expect(parsed.source.pos(['users', 0, 'userName'])).toEqual({ file: FILE, line: 2, col: 15 });
  });

  it('answers positions after release from the yaml document, equal to those before', () => {
    const text = 'groups:\n  - name: Devs\n    members:\n      - alice@example.com\n      - "bob@example.com"\n';
    const parsed = parseStateFile(FILE, text);
    expect(parsed.route).toBe('fast');
    const before = parsed.source.pos(['groups', 0, 'members', 1]);
    parsed.source.release();
    expect(parsed.source.pos(['groups', 0, 'members', 1])).toEqual(before);
    expect(before).toEqual({ file: FILE, line: 5, col: 9 });
  });

  it('builds the document for a position the events cannot give (a block scalar starts at its header)', () => {
    const text = 'permissionSets:\n  - name: P\n    description: |\n      long\n';
    const parsed = parseStateFile(FILE, text);
    expect(parsed.route).toBe('fast');
    expect(parsed.source.pos(['permissionSets', 0, 'description'])).toEqual({ file: FILE, line: 3, col: 18 });
  });
});

describe('files the fast path refuses reach the same diagnostic through the yaml path', () => {
  const cases: Array<[string, string]> = [
    ['a duplicate key', 'users:\n  - userName: a\n    userName: b\n'],
    ['a second document', 'users: []\n---\ngroups: []\n'],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\n${'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n'}c: [*b, *b]\n`],
    ['an alias without its anchor', 'users:\n  - *nobody\n'],
    ['an anchor and its alias', 'users:\n  - &u {userName: a}\ngroups:\n  - name: g\n    owner: *u\n'],
    ['a custom tag', 'users:\n  - !person a\n'],
    ['a core tag', 'users:\n  - !!str 1\n'],
    ['a mapping as key', 'users:\n  ? {a: 1}\n  : x\n'],
    ['a number as key', 'accounts:\n  1: "123456789012"\n'],
    ['a null key', 'accounts:\n  ~: "123456789012"\n'],
    ['__proto__ as key', 'users:\n  - __proto__: {admin: true}\n'],
    ['constructor as key', 'constructor: x\n'],
    ['"prototype" quoted as key', 'settings:\n  "prototype": x\n'],
    ['a list at the top level', '- users\n'],
    ['a scalar at the top level', 'users\n'],
    ['nesting deeper than 64 levels', `users: ${'['.repeat(70)}${']'.repeat(70)}\n`],
    ['an empty file', ''],
    ['a file of comments', '# nothing yet\n'],
    ['a key of 1030 characters', `${'k'.repeat(1030)}: v\n`],
    ['a bare carriage return', 'users: []\rgroups: []\n'],
    ['a syntax error', 'users:\n  - userName: a\n   bad: indent\n'],
    ['a tab as indentation', 'users:\n\t- userName: a\n'],
    ['a %YAML directive', '%YAML 1.2\n---\nusers: []\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    const parsed = parseStateFile(FILE, text);
    expect(parsed.route).toBe('yaml');
    expect(observe(parsed, text)).toStrictEqual(observe(parseStateFile(FILE, text, { only: 'yaml' }), text));
  });

  it('reports a duplicate key with its line, column and message', () => {
    const parsed = parseStateFile(FILE, 'users:\n  - userName: a\n    userName: b\n');
    expect(parsed.diagnostics).toEqual([{ severity: 'error', message: 'duplicate key "userName"', pos: { file: FILE, line: 3, col: 5 } }]);
  });

  it('reports a forbidden key with its line, column and message', () => {
    const parsed = parseStateFile(FILE, 'users:\n  - __proto__: {admin: true}\n');
    expect(parsed.diagnostics).toEqual([
      {
        severity: 'error',
        message: 'key "__proto__" is not allowed (it could change object prototypes)',
        pos: { file: FILE, line: 2, col: 5 },
      },
    ]);
  });
});
