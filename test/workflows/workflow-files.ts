// Loads the GitHub workflows of the repository as plain data for the contract tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Job {
  'runs-on'?: string;
  permissions?: Record<string, string> | string;
  steps?: Step[];
  uses?: string;
}

export interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean } | string;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  file: string;
  text: string;
  workflow: Workflow;
}

export function workflowsDir(root: string): string {
  return join(root, '.github', 'workflows');
}

export function loadWorkflows(root: string): WorkflowFile[] {
  const dir = workflowsDir(root);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { file, text, workflow: parse(text) as Workflow };
    });
}

/** Every `uses:` of a workflow (job-level reusable workflows and steps). */
export function usesOf(workflow: Workflow): string[] {
  return Object.values(workflow.jobs).flatMap((job) => [
    ...(job.uses ? [job.uses] : []),
    ...(job.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : [])),
  ]);
}

/** Every step of every job of a workflow. */
export function stepsOf(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}
