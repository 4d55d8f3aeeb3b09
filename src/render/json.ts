// The JSON rendering is the plan file itself (stable, sorted keys; docs/plan-format.md).
import { serializePlan } from '../plan/plan-file.js';
import type { Plan } from '../plan/types.js';

export function renderJson(plan: Plan): string {
  return serializePlan(plan);
}
