// The pull-request rendering: a hidden marker (the workflow finds its sticky comment
// by it), the summary first, refusals up front, then one collapsed section per kind
// with a ```diff block. GitHub rejects comments over 65,536 characters, and the
// workflows add a footer, so the output stays under MAX_MARKDOWN_LENGTH and ends with
// a note saying how many changes were left out.
import { scopeLine } from './scope.js';
import { wholePlanRefusals, type Plan } from '../plan/types.js';
import {
  EXPIRING_TITLE,
  KIND_SECTIONS,
  NO_CHANGES,
  countMarks,
  describeChange,
  expiringLines,
  summaryLine,
  type Line,
} from './describe.js';
import { fairShares } from './fair-share.js';
import { escapeHtml } from './markdown-text.js';
import { policyFindingsMarkdown } from './policy-findings-markdown.js';
import { attributionMarkdown } from './attribution-markdown.js';
import { accessChangesMarkdown, accessSummaryMarkdown } from './access-changes-markdown.js';

export const PLAN_COMMENT_MARKER = '<!-- sso-gitops-plan -->';
/** GitHub's limit is 65,536; the rest is room for the workflows' wrapping. */
export const MAX_MARKDOWN_LENGTH = 60_000;

export interface MarkdownOptions {
  header?: { commit?: string; actor?: string; repository?: string };
}

const layout = (l: Line) => `${l.mark} ${'  '.repeat(l.depth)}${l.text}`.trimEnd();

/** Appends parts while they fit, keeping `reserve` characters for what must follow. */
class Budget {
  private readonly parts: string[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  fits(text: string, reserve: number): boolean {
    return this.size + text.length + reserve <= this.limit;
  }
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }
  length(): number {
    return this.size;
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** A fence longer than any backtick run in the content, so no name can close it. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  return '`'.repeat(Math.max(3, longest + 1));
}

function head(plan: Plan, options: MarkdownOptions): string {
  const title =
    plan.changes.length === 0
      ? 'no changes'
      : `${plan.summary.add} to add, ${plan.summary.change} to change, ${plan.summary.destroy} to destroy`;
  const meta = [`live state \`${plan.liveChecksum.slice(0, 12)}\``];
  const { commit, actor, repository } = options.header ?? {};
  if (repository) meta.push(escapeHtml(repository));
  if (commit) meta.push(`commit \`${escapeHtml(commit.slice(0, 12))}\``);
  if (actor) meta.push(`by @${escapeHtml(actor)}`);
  const body = plan.changes.length === 0 ? NO_CHANGES : `**${summaryLine(plan)}**${accessSummaryMarkdown(plan)}\n\n${countsTable(plan)}`;
  return `${PLAN_COMMENT_MARKER}\n### sso-gitops plan: ${title}\n\n${body}\n\n<sub>${meta.join(' · ')}</sub>\n\n`;
}

/** Counts per kind up front, so a truncated comment still tells the whole story. */
function countsTable(plan: Plan): string {
  const rows = KIND_SECTIONS.flatMap(({ kind, title }) => {
    const changes = plan.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) return [];
    const n = (pick: (a: string) => boolean) => changes.filter((c) => pick(c.action)).length;
    return [
      `| ${title} | ${n((a) => a === 'create')} | ${n((a) => a === 'update' || a === 'rename' || a === 'reprovision')} | ${n((a) => a === 'delete')} |`,
    ];
  });
  return ['| | add | change | destroy |', '|---|--:|--:|--:|', ...rows].join('\n');
}

const SECTION_CLOSE_RESERVE = 200;
const NOTE_RESERVE = 200;

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const out = new Budget(MAX_MARKDOWN_LENGTH);
  out.add(head(plan, options));
  const scope = scopeLine(plan);
  if (scope !== undefined) out.add(`> [!NOTE]\n> This plan is ${escapeHtml(scope)}.\n\n`);
  for (const note of plan.notes ?? []) out.add(`> [!NOTE]\n> ${escapeHtml(note)}\n\n`);
  const reserve = SECTION_CLOSE_RESERVE + NOTE_RESERVE;

  if (plan.refused.length > 0) {
    const headline =
      wholePlanRefusals(plan).length > 0
        ? 'Refused: `reconcile` will not apply this plan.'
        : 'Refused alone: `reconcile` applies everything else, not these changes nor what depends on them.';
    out.add(`> [!CAUTION]\n> **${headline}**\n>\n`);
    const left = plan.refused.findIndex((r) => {
      const item = `> - **${escapeHtml(r.rule)}**: ${escapeHtml(r.message)}\n`;
      if (!out.fits(item, reserve)) return true;
      out.add(item);
      return false;
    });
    if (left >= 0) out.add(`> - … ${plan.refused.length - left} more refusals not shown; see the plan.json artifact\n`);
    out.add('\n');
  }

  // Who gains and loses access first, in at most a third of the room left (it counts what does not fit).
  out.add(accessChangesMarkdown(plan, Math.floor((MAX_MARKDOWN_LENGTH - out.length() - reserve) / 3), fenceFor));
  out.add(policyFindingsMarkdown(plan, escapeHtml));

  // Every kind gets a fair part of what is left, so a huge plan still shows some of each.
  const sections = KIND_SECTIONS.flatMap(({ kind, title }) => {
    const changes = plan.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) return [];
    const blocks = changes.map((c) => `${describeChange(c).map(layout).join('\n')}\n`);
    const fence = fenceFor(blocks.flatMap((b) => b.split('\n')));
    const open = `<details><summary><b>${title}</b> (${countMarks(changes)})</summary>\n\n${fence}diff\n`;
    const close = `${fence}\n\n</details>\n\n`;
    return [{ title, blocks, open, close, size: open.length + close.length + blocks.reduce((n, b) => n + b.length, 0) }];
  });
  const shares = fairShares(
    sections.map((s) => s.size),
    MAX_MARKDOWN_LENGTH - out.length() - reserve,
  );
  let shown = 0;
  sections.forEach((section, i) => {
    const share = shares[i] ?? 0;
    let used = section.open.length + section.close.length;
    if (used > share) return;
    out.add(section.open);
    let inSection = 0;
    for (const block of section.blocks) {
      if (used + block.length > share) break;
      out.add(block);
      used += block.length;
      inSection++;
    }
    shown += inSection;
    out.add(section.close);
  });
  if (shown < plan.changes.length) {
    out.add(`… ${plan.changes.length - shown} more changes not shown; see the plan.json artifact\n\n`);
  }

  expiring(plan, out);
  out.add(attributionMarkdown(plan, MAX_MARKDOWN_LENGTH - out.length() - NOTE_RESERVE));
  if (plan.warnings.length > 0) warnings(plan.warnings, out);
  return out.toString().trimEnd() + '\n';
}

/** What expires soon, for the reviewer: short, so shown open (as far as it fits). */
function expiring(plan: Plan, out: Budget): void {
  const lines = expiringLines(plan);
  if (lines.length === 0 || !out.fits(`**${EXPIRING_TITLE}**\n\n`, NOTE_RESERVE)) return;
  out.add(`**${EXPIRING_TITLE}**\n\n`);
  const shown = lines.findIndex((line) => {
    const item = `- ${escapeHtml(line)}\n`;
    if (!out.fits(item, NOTE_RESERVE)) return true;
    out.add(item);
    return false;
  });
  if (shown >= 0) out.add(`- … ${lines.length - shown} more not shown; see the plan.json artifact\n`);
  out.add('\n');
}

function warnings(list: readonly string[], out: Budget): void {
  const open = `<details><summary><b>Warnings</b> (${list.length})</summary>\n\n`;
  if (!out.fits(open, NOTE_RESERVE)) return;
  out.add(open);
  let shown = 0;
  for (const w of list) {
    const item = `- ${escapeHtml(w)}\n`;
    if (!out.fits(item, NOTE_RESERVE)) break;
    out.add(item);
    shown++;
  }
  if (shown < list.length) out.add(`- … ${list.length - shown} more warnings not shown; see the plan.json artifact\n`);
  out.add('\n</details>\n');
}
