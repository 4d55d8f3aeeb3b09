// `npm test` runs this suite on a supported Node (scripts/run-suite.mjs); the product
// supports Node 22 and later (package.json engines). A run on an end-of-life Node
// would pass without proving anything about what users run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const engines = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines;

describe('the Node the suite runs on', () => {
  it('is one the package supports (engines.node)', () => {
    const floor = Number(/>=\s*(\d+)/.exec(engines.node)?.[1]);
    expect(floor).toBe(22);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(floor);
  });
});
