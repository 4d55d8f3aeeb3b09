// Random YAML texts for comparing the loader's two parse paths (src/load/fast-parse.test.ts):
// documents shaped like state files, written in every style people use, with scalars
// chosen to sit on the edges of YAML 1.2 core resolution (numbers with underscores, `0b1`,
// `Yes`, dates, `~`, `#`, `: `, quotes, unicode) and a few features the fast path must
// refuse (anchors, aliases, tags, odd keys). Some texts are not valid YAML: both paths
// must then give the same diagnostics.
import fc from 'fast-check';

type YamlNode =
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'map'; flow: boolean; entries: Array<[string, YamlNode]> }
  | { kind: 'seq'; flow: boolean; items: YamlNode[] };

/** Plain spellings that resolve to every core type and to strings that look like them. */
const PLAIN_SCALARS = [
  ...['0', '-0', '+1', '007', '1_000', '0b1', '0o7', '0o8', '0x1F', '0x_', '0xG', '123456789012', '99999999999999999999', '9'.repeat(400)],
  ...['.5', '-.5', '1.', '1.0', '1e3', '1E-3', '-1.5e+3', '1e400', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', '1.2.3'],
  ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'Yes', 'yes', 'No', 'on', 'off', 'y', 'n'],
  ...['null', 'Null', 'NULL', 'nULL', '~', '2026-12-01', '2026-12-01T10:00:00Z', '2026-02-30', '12:30:00', 'PT8H'],
  ...['a#b', 'a # b', 'x:y', 'aws:PrincipalTag/team', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'user@example.com', 'a b  c'],
  ...['café', '日本語', 'Ünïcödé', '😀', '-x', '.x', '<<', '=', '%x', "a'b", 'a"b', 'trailing\t'],
];

/** Scalars that are valid inside flow collections too. */
const FLOW_SAFE = PLAIN_SCALARS.filter((s) => !/[,[\]{}#]/.test(s) && !s.endsWith('\t'));

const QUOTED_SCALARS = [
  "''",
  '""',
  "'it''s'",
  "'#not a comment'",
  "'true'",
  "'1'",
  '"a\\tb"',
  '"\\u00e9\\x41\\U0001F600"',
  '"line\\nbreak"',
  '"a: b"',
  '"~"',
  "'2026-12-01'",
  '"\\"quoted\\""',
  '"multi\n  line"',
  "'multi\n\n  line'",
];

const KEYS = [
  'name',
  'userName',
  'displayName',
  'description',
  'members',
  'accounts',
  'tags',
  'team',
  'cost-center',
  'aws:SourceIp',
  'a b',
];
/** Keys the fast path must refuse (non-string, forbidden) or treat exactly like `yaml`. */
const ODD_KEYS = [
  '1',
  '1.5',
  'true',
  'null',
  '~',
  '<<',
  '__proto__',
  'constructor',
  '"prototype"',
  "'quoted key'",
  '"1"',
  'x'.repeat(1030),
];

const TOP_KEYS = ['users', 'groups', 'permissionSets', 'assignments', 'settings', 'accounts', 'instance'];
/** Features that make the fast path give way to `yaml`, which reports or resolves them. */
const REFUSED = ['&a x', '*a', '!!str 1', '!custom x', '!!binary aGk=', '&b [1]'];

const scalar = (flow: boolean): fc.Arbitrary<YamlNode> =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...(flow ? FLOW_SAFE : PLAIN_SCALARS)) },
      { weight: 3, arbitrary: fc.constantFrom(...QUOTED_SCALARS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)) },
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9@.-]{0,15}$/) },
      { weight: 1, arbitrary: fc.constantFrom(...REFUSED) },
    )
    .map((text) => ({ kind: 'scalar', text }));

const block: fc.Arbitrary<YamlNode> = fc.record({
  kind: fc.constant('block' as const),
  header: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2'),
  lines: fc.array(fc.constantFrom('text', '  more indented', '', 'a: b', '# not a comment', 'café'), { minLength: 1, maxLength: 4 }),
});

const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });

const { node } = fc.letrec<{ node: YamlNode; flowNode: YamlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalar(false) },
    { weight: 1, arbitrary: block },
    { weight: 1, arbitrary: tie('flowNode') },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('map' as const),
        flow: fc.constant(false),
        entries: fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('seq' as const),
        flow: fc.constant(false),
        items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
      }),
    },
  ),
  flowNode: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalar(true) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('map' as const),
        flow: fc.constant(true),
        entries: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS.filter((k) => !k.includes(':'))), tie('flowNode')), {
          maxLength: 3,
          selector: ([k]) => k,
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('seq' as const),
        flow: fc.constant(true),
        items: fc.array(tie('flowNode'), { maxLength: 3 }),
      }),
    },
  ),
}));

/** A top-level mapping of state-file kinds, each usually a list of mappings. */
const document = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom(...TOP_KEYS),
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(node, { minLength: 1, maxLength: 5 }).map((items): YamlNode => ({ kind: 'seq', flow: false, items })),
      },
      { weight: 1, arbitrary: node },
    ),
  ),
  { minLength: 1, maxLength: 4, selector: ([k]) => k },
);

/** How the text around the nodes is written. */
const layout = fc.record({
  indent: fc.constantFrom(2, 4),
  /** `key:\n- item` instead of `key:\n  - item` */
  compactSequences: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  startMarker: fc.boolean(),
  comments: fc.boolean(),
  trailingSpaces: fc.boolean(),
});
type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function flowText(n: YamlNode): string {
  if (n.kind === 'scalar') return n.text;
  if (n.kind === 'seq') return `[${n.items.map(flowText).join(', ')}]`;
  if (n.kind === 'map') return `{${n.entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  return '""';
}

/** The lines of `n` as the value of a key or item at `indent`; the first goes after `key:` or `- `. */
function valueLines(n: YamlNode, indent: number, l: Layout): { inline: string; below: string[] } {
  if (n.kind === 'block') {
    const pad = ' '.repeat(indent + l.indent);
    return { inline: ` ${n.header}`, below: n.lines.map((line) => (line === '' ? '' : `${pad}${line}`)) };
  }
  if (n.kind === 'scalar' || n.flow) return { inline: ` ${flowText(n)}`, below: [] };
  return { inline: '', below: blockLines(n, indent + l.indent, l) };
}

function blockLines(n: YamlNode, indent: number, l: Layout): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  if (n.kind === 'map') {
    for (const [k, v] of n.entries) {
      const sequenceHere = v.kind === 'seq' && !v.flow && l.compactSequences;
      const value = sequenceHere ? { inline: '', below: blockLines(v, indent, l) } : valueLines(v, indent, l);
      out.push(`${pad}${k}:${value.inline}${l.trailingSpaces ? '  ' : ''}`, ...value.below);
      if (l.comments) out.push(`${pad}# about ${k}`);
    }
  } else if (n.kind === 'seq') {
    for (const item of n.items) {
      const value = valueLines(item, indent, l);
      out.push(`${pad}-${value.inline}${l.comments ? ' # item' : ''}`, ...value.below);
    }
  } else {
    out.push(`${pad}${flowText(n)}`);
  }
  return out;
}

/** A random state-file-like YAML text. */
export const yamlText: fc.Arbitrary<string> = fc.tuple(document, layout).map(([entries, l]) => {
  const lines = blockLines({ kind: 'map', flow: false, entries }, 0, l);
  if (l.startMarker) lines.unshift('---');
  const text = `${lines.join('\n')}\n`;
  return `${l.bom ? '\uFEFF' : ''}${l.crlf ? text.replace(/\n/g, '\r\n') : text}`;
});
