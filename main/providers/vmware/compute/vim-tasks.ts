import { mor, morOf, type Mor, type VimSession } from '../vim-session';
import { MalformedAnswerError } from '../vsphere-errors';
import { childOf, type XmlElement } from '../xml-reader';
import { textOf } from './vim-values';

/**
 * vSphere's long operations (CloneVM_Task, PowerOnVM_Task, Destroy_Task …) answer at once with a
 * Task; its TaskInfo then goes queued → running → success | error. Hangar reads TaskInfo through
 * the PropertyCollector until it settles, the way govc and pyVmomi's WaitForTask do.
 */

/** A task ended in error: the fault's type and vCenter's localized message, as vCenter words it. */
export class VsphereTaskError extends Error {
  constructor(
    /** The method that made the task, e.g. CloneVM_Task. */
    readonly method: string,
    /** The fault's xsi:type, e.g. InsufficientResourcesFault, InvalidArgument. */
    readonly faultType: string | null,
    readonly localizedMessage: string,
  ) {
    super(`${method} failed: ${localizedMessage}${faultType ? ` (${faultType})` : ''}`);
    this.name = 'VsphereTaskError';
  }
}

export interface TaskWait {
  pollIntervalMs: number;
  signal?: AbortSignal;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Calls a `…_Task` method and returns the Task it started. */
export async function startTask(
  vim: VimSession,
  method: string,
  inner: string,
  signal?: AbortSignal,
): Promise<Mor> {
  const task = morOf(await vim.invoke(method, inner, { mutating: true, signal }));
  if (task?.type !== 'Task') throw new MalformedAnswerError(`${method} did not answer with a task`);
  return task;
}

/**
 * Follows a task to its end and returns TaskInfo.result (the new VM of a clone), or throws
 * VsphereTaskError with the fault vCenter recorded. Aborting asks vCenter to cancel the task
 * (best effort: not every task can be cancelled) and rethrows the abort.
 */
export async function waitForTask(
  vim: VimSession,
  method: string,
  task: Mor,
  wait: TaskWait,
): Promise<XmlElement | undefined> {
  for (;;) {
    if (wait.signal?.aborted) {
      await vim.invoke('CancelTask', mor('_this', task), { mutating: true }).catch(() => undefined);
      throw wait.signal.reason as Error;
    }
    const [content] = await vim.retrieveObject(task, [{ type: 'Task', paths: ['info'] }], false);
    const info = content?.props.get('info');
    if (!info) throw new MalformedAnswerError(`vCenter did not describe task ${task.value}`);
    const state = textOf(childOf(info, 'state'));
    if (state === 'success') return childOf(info, 'result');
    if (state === 'error') {
      const error = childOf(info, 'error');
      const fault = childOf(error, 'fault');
      throw new VsphereTaskError(
        method,
        fault?.attrs['xsi:type'] ?? null,
        textOf(childOf(error, 'localizedMessage')) ?? 'vCenter gave no reason',
      );
    }
    if (state !== 'queued' && state !== 'running')
      throw new MalformedAnswerError(`task ${task.value} is in an unknown state "${state ?? ''}"`);
    await pause(wait.pollIntervalMs, wait.signal);
  }
}

/** Starts a task and waits for it: the common case. */
export async function runTask(
  vim: VimSession,
  method: string,
  inner: string,
  wait: TaskWait,
): Promise<XmlElement | undefined> {
  return waitForTask(vim, method, await startTask(vim, method, inner, wait.signal), wait);
}
