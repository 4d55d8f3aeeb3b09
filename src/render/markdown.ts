// The pull-request rendering: a hidden marker (the workflow finds its sticky comment
// by it), the summary first, refusals up front, then one collapsed section per kind
// with a ```diff block. GitHub rejects comments over 65,536 characters, and the
// workflows add a footer, so the output stays under MAX_MARKDOWN_LENGTH and ends with
// a note saying how many changes were left out.
import type { Plan } from '../plan/types.js';
import { KIND_SECTIONS, NO_CHANGES, countMarks, describeChange, summaryLine, type Line } from './describe.js';

export const PLAN_COMMENT_MARKER = '<!-- sso-gitops-plan -->';
/** GitHub's limit is 65,536; the rest is room for the workflows' wrapping. */
export const MAX_MARKDOWN_LENGTH = 60_000;

export interface MarkdownOptions {
  header?: { commit?: string; actor?: string; repository?: string };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const layout = (l: Line) => `${l.mark} ${'  '.repeat(l.depth)}${l.text}`.trimEnd();

/** Appends parts while they fit, keeping `reserve` characters for what must follow. */
class Budget {
  private readonly parts: string[] = [];
  private length = 0;
  constructor(private readonly limit: number) {}
  fits(text: string, reserve: number): boolean {
    return this.length + text.length + reserve <= this.limit;
  }
  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
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
  const title = plan.changes.length === 0 ? 'no changes' : `${plan.summary.add} to add, ${plan.summary.change} to change, ${plan.summary.destroy} to destroy`;
  const meta = [`live state \`${plan.liveChecksum.slice(0, 12)}\``];
  const { commit, actor, repository } = options.header ?? {};
  if (repository) meta.push(escapeHtml(repository));
  if (commit) meta.push(`commit \`${escapeHtml(commit.slice(0, 12))}\``);
  if (actor) meta.push(`by @${escapeHtml(actor)}`);
  const body = plan.changes.length === 0 ? NO_CHANGES : `**${summaryLine(plan)}**\n\n${countsTable(plan)}`;
  return `${PLAN_COMMENT_MARKER}\n### sso-gitops plan: ${title}\n\n${body}\n\n<sub>${meta.join(' · ')}</sub>\n\n`;
}

/** Counts per kind up front, so a truncated comment still tells the whole story. */
function countsTable(plan: Plan): string {
  const rows = KIND_SECTIONS.flatMap(({ kind, title }) => {
    const changes = plan.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) return [];
    const n = (pick: (a: string) => boolean) => changes.filter((c) => pick(c.action)).length;
    return [`| ${title} | ${n((a) => a === 'create')} | ${n((a) => a === 'update' || a === 'reprovision')} | ${n((a) => a === 'delete')} |`];
  });
  return ['| | add | change | destroy |', '|---|--:|--:|--:|', ...rows].join('\n');
}

const SECTION_CLOSE_RESERVE = 200;
const NOTE_RESERVE = 200;

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const out = new Budget(MAX_MARKDOWN_LENGTH);
  out.add(head(plan, options));
  const reserve = SECTION_CLOSE_RESERVE + NOTE_RESERVE;

  if (plan.refused.length > 0) {
    out.add('> [!CAUTION]\n> **Refused: `reconcile` will not apply this plan.**\n>\n');
    const left = plan.refused.findIndex((r) => {
      const item = `> - **${escapeHtml(r.rule)}**: ${escapeHtml(r.message)}\n`;
      if (!out.fits(item, reserve)) return true;
      out.add(item);
      return false;
    });
    if (left >= 0) out.add(`> - … ${plan.refused.length - left} more refusals not shown; see the plan.json artifact\n`);
    out.add('\n');
  }

  let shown = 0;
  let full = false;
  for (const { kind, title } of KIND_SECTIONS) {
    const changes = plan.changes.filter((c) => c.kind === kind);
    if (changes.length === 0 || full) continue;
    const blocks = changes.map((c) => describeChange(c).map(layout));
    const fence = fenceFor(blocks.flat());
    const open = `<details><summary><b>${title}</b> (${countMarks(changes)})</summary>\n\n${fence}diff\n`;
    if (!out.fits(open, reserve)) break;
    out.add(open);
    for (const block of blocks) {
      const text = `${block.join('\n')}\n`;
      if (!out.fits(text, reserve)) {
        full = true;
        break;
      }
      out.add(text);
      shown++;
    }
    out.add(`${fence}\n\n</details>\n\n`);
  }
  if (shown < plan.changes.length) {
    out.add(`… ${plan.changes.length - shown} more changes not shown; see the plan.json artifact\n\n`);
  }

  if (plan.warnings.length > 0) warnings(plan.warnings, out);
  return out.toString().trimEnd() + '\n';
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
