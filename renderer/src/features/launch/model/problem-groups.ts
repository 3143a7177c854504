import { fieldLabel, LAUNCH_STEPS, stepOfField, type LaunchStep } from './launch-steps';
import type { LaunchProblem } from './launch-spec';

export interface ProblemGroup {
  step: LaunchStep;
  problems: { field: string; label: string; message: string }[];
}

/**
 * The summary's problem list: grouped by the step that fixes them, in step order, each problem
 * once (the dialog's own check and the cloud's may say the same thing).
 */
export function groupProblems(...lists: readonly (readonly LaunchProblem[])[]): ProblemGroup[] {
  const seen = new Set<string>();
  const byStep = new Map<LaunchStep, ProblemGroup['problems']>();
  for (const problem of lists.flat()) {
    const key = `${problem.field}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const step = stepOfField(problem.field);
    const list = byStep.get(step) ?? [];
    list.push({ field: problem.field, label: fieldLabel(problem.field), message: problem.message });
    byStep.set(step, list);
  }
  return LAUNCH_STEPS.filter((s) => byStep.has(s.id)).map((s) => ({
    step: s.id,
    problems: byStep.get(s.id)!,
  }));
}

/** Problems of one step, whatever their source, keyed by field for the inline errors. */
export function stepErrors(
  step: LaunchStep,
  ...lists: readonly (readonly LaunchProblem[])[]
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of lists.flat())
    if (stepOfField(problem.field) === step) errors[problem.field] ??= problem.message;
  return errors;
}
