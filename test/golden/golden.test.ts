// Golden files for the three renderers. `UPDATE_GOLDEN=1 npx vitest run test/golden`
// rewrites them; review the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { MAX_MARKDOWN_LENGTH, renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { parsePlanFile } from '../../src/plan/plan-file.js';
import { applicationsPlan } from './plans.js';
import { accessControlAttributesPlan, attributedPlan, delegatedAdministratorPlan, everyKindPlan, expiryPlan, hugePlan, noChangePlan } from './plans.js';
import { policyFindingsPlan } from './policy-findings-plan.js';
import { scopedAccessBoundPlan, scopedAccessPlan } from './scoped-plans.js';

const here = dirname(fileURLToPath(import.meta.url));

function expectGolden(name: string, actual: string): void {
  const file = join(here, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`${file} is missing; run UPDATE_GOLDEN=1 npx vitest run test/golden`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const header = { commit: '0123456789abcdef0123456789abcdef01234567', actor: 'octocat', repository: 'example/identity' };

describe.each([
  ['every-kind', everyKindPlan],
  ['no-change', noChangePlan],
  ['delegated-administrator', delegatedAdministratorPlan],
  ['policy-findings', policyFindingsPlan],
  ['expiry', expiryPlan],
  ['access-control-attributes', accessControlAttributesPlan],
  ['applications', applicationsPlan],
])('golden: %s plan', (name, make) => {
  const plan = make();
  it('renders text', () => expectGolden(`${name}.txt`, renderText(plan, { color: false })));
  it('renders markdown', () => expectGolden(`${name}.md`, renderMarkdown(plan, { header })));
  it('renders JSON that reads back as the same plan', () => {
    expectGolden(`${name}.json`, renderJson(plan));
    expect(parsePlanFile(renderJson(plan), `${name}.json`)).toEqual(plan);
  });
  it('renders a plan read back from its file exactly like the original', () => {
    const reread = parsePlanFile(renderJson(plan), `${name}.json`);
    expect(renderText(reread, { color: false })).toBe(renderText(plan, { color: false }));
    expect(renderMarkdown(reread, { header })).toBe(renderMarkdown(plan, { header }));
  });
});

describe('golden: huge plan', () => {
  const plan = hugePlan();
  const markdown = renderMarkdown(plan, { header });

  it('renders markdown truncated under the comment limit, with a note', () => {
    expectGolden('huge.md', markdown);
    expect(markdown.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
    expect(markdown).toMatch(/… \d+ more changes not shown; see the plan\.json artifact/);
  });

  it('shows changes of every kind, not only the first kind until the budget runs out', () => {
    for (const title of ['Users', 'Group memberships', 'Permission sets', 'Assignments']) {
      expect(markdown, title).toMatch(new RegExp(`<summary><b>${title}</b>[^\\n]*\\n\\n\`\`\`diff\\n[+~-]`));
    }
  });

  it('closes every section it opens', () => {
    expect(markdown.match(/<details[ >]/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
  });
});

describe('text colour', () => {
  it('uses ANSI colour only when asked', () => {
    const plan = everyKindPlan();
    expect(renderText(plan, { color: false })).not.toContain('\u001b[');
    expect(renderText(plan, { color: true })).toContain('\u001b[32m');
  });
});

describe('golden: attributed drift plan (plan --attribute)', async () => {
  const plan = await attributedPlan();
  it('renders text', () => expectGolden('attributed.txt', renderText(plan, { color: false })));
  it('renders markdown', () => expectGolden('attributed.md', renderMarkdown(plan, { header })));
  it('renders JSON that reads back as the same plan', () => {
    expectGolden('attributed.json', renderJson(plan));
    expect(parsePlanFile(renderJson(plan), 'attributed.json')).toEqual(plan);
  });
});

describe.each([
  ['scoped-access', scopedAccessPlan],
  ['scoped-access-bound', scopedAccessBoundPlan],
])('golden: %s plan (plan --changed-since)', async (name, make) => {
  const plan = await make();
  it('renders text', () => expectGolden(`${name}.txt`, renderText(plan, { color: false })));
  it('renders markdown', () => expectGolden(`${name}.md`, renderMarkdown(plan, { header })));
  it('renders JSON that reads back as the same plan', () => {
    expectGolden(`${name}.json`, renderJson(plan));
    expect(parsePlanFile(renderJson(plan), `${name}.json`)).toEqual(plan);
  });
});
