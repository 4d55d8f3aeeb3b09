// A small, strict INI reader for the configs `sso-gitops profiles` writes: every line is
// blank, a `#` comment, a `[section]` header or `key = value` inside a section; a section or
// a key given twice, or anything else, is an error (a lenient reader would hide exactly the
// mistakes a test must catch). Sections keep their full header text ("profile prod-Admin").
export type Ini = Map<string, Map<string, string>>;

export function parseIniStrict(text: string): Ini {
  const sections: Ini = new Map();
  let current: Map<string, string> | undefined;
  text.split('\n').forEach((raw, index) => {
    const where = `line ${index + 1}`;
    if (raw.includes('\r')) throw new Error(`${where}: carriage return`);
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[([^\]\s][^\]]*[^\]\s]|[^\]\s])\]$/.exec(line);
    if (header) {
      const name = header[1] ?? '';
      if (sections.has(name)) throw new Error(`${where}: section [${name}] twice`);
      current = new Map();
      sections.set(name, current);
      return;
    }
    const pair = /^([a-z_]+) = (\S+)$/.exec(line);
    if (!pair) throw new Error(`${where}: not "key = value": ${JSON.stringify(raw)}`);
    if (!current) throw new Error(`${where}: key outside any section`);
    const [, key = '', value = ''] = pair;
    if (current.has(key)) throw new Error(`${where}: key ${key} twice`);
    current.set(key, value);
  });
  return sections;
}
