import type { Obj } from './vim-inventory';

/**
 * The stand-in's vSphere tasks. A `…_Task` call answers at once with a Task; its TaskInfo is
 * queued for a moment, then running (with progress), then success (with a result) or error (with
 * the fault and vCenter's localized message), on a clock: the work itself runs when the task
 * completes. Nothing runs on timers: every request first settles the tasks that are due, so the
 * state a client reads is always the state at that moment, and stopping the server leaves nothing.
 */
export interface TaskFault {
  /** The fault's vim25 type, e.g. InsufficientResourcesFault. */
  type: string;
  localizedMessage: string;
}

/** Thrown by a task's work to end it in error. */
export class TaskFaultError extends Error {
  constructor(readonly fault: TaskFault) {
    super(fault.localizedMessage);
    this.name = 'TaskFaultError';
  }
}

type Outcome = { state: 'success'; result: string | null } | { state: 'error'; fault: TaskFault };

interface StandInTask {
  moid: string;
  method: string;
  entity: { type: string; value: string; name: string };
  queuedAt: number;
  startAt: number;
  completeAt: number;
  /** The work: returns the result (`mor:Type=id` or null) or throws TaskFaultError. */
  run: () => string | null;
  outcome: Outcome | null;
}

const esc = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** vim25's descriptionId for a method: CloneVM_Task → VirtualMachine.clone. */
const DESCRIPTION: Record<string, string> = {
  CloneVM_Task: 'VirtualMachine.clone',
  ReconfigVM_Task: 'VirtualMachine.reconfigure',
  PowerOnVM_Task: 'VirtualMachine.powerOn',
  PowerOffVM_Task: 'VirtualMachine.powerOff',
  Destroy_Task: 'VirtualMachine.destroy',
};

export class VimTaskStore {
  private readonly tasks: StandInTask[] = [];
  private next = 5001;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Queues a task that completes `durationMs` from now; returns its moid. */
  create(method: string, entity: StandInTask['entity'], durationMs: number, run: StandInTask['run']): string {
    const now = this.clock();
    const task: StandInTask = {
      moid: `task-${this.next++}`,
      method,
      entity,
      queuedAt: now,
      startAt: now + Math.round(durationMs * 0.1),
      completeAt: now + durationMs,
      run,
      outcome: null,
    };
    this.tasks.push(task);
    // Keep the store bounded, as vCenter ages out completed tasks.
    if (this.tasks.length > 500) this.tasks.splice(0, this.tasks.length - 500);
    return task.moid;
  }

  /** Completes every task that is due, in the order they fall due. */
  settle(): void {
    const now = this.clock();
    const due = this.tasks.filter((t) => t.outcome === null && t.completeAt <= now);
    for (const task of due.sort((a, b) => a.completeAt - b.completeAt)) {
      try {
        task.outcome = { state: 'success', result: task.run() };
      } catch (error) {
        if (!(error instanceof TaskFaultError)) throw error;
        task.outcome = { state: 'error', fault: error.fault };
      }
    }
  }

  /** CancelTask: a task still queued or running ends as cancelled; false when it is over or unknown. */
  cancel(moid: string): boolean {
    const task = this.tasks.find((t) => t.moid === moid);
    if (!task || task.outcome) return false;
    task.outcome = {
      state: 'error',
      fault: { type: 'RequestCanceled', localizedMessage: 'The task was canceled by a user.' },
    };
    return true;
  }

  has(moid: string): boolean {
    return this.tasks.some((t) => t.moid === moid);
  }

  /** The tasks as managed objects whose `info` is a TaskInfo, for the PropertyCollector. */
  objects(): Obj[] {
    const now = this.clock();
    return this.tasks.map((task) => ({
      type: 'Task',
      value: task.moid,
      props: { info: `xml:TaskInfo:${infoXml(task, now)}` },
    }));
  }
}

function infoXml(task: StandInTask, now: number): string {
  const state = task.outcome?.state ?? (now < task.startAt ? 'queued' : 'running');
  const progress =
    state === 'running'
      ? Math.min(99, Math.floor(((now - task.startAt) / Math.max(1, task.completeAt - task.startAt)) * 100))
      : null;
  const time = (ms: number) => new Date(ms).toISOString();
  const { outcome } = task;
  return (
    `<key>${task.moid}</key><task type="Task">${task.moid}</task><name>${task.method}</name>` +
    `<descriptionId>${DESCRIPTION[task.method] ?? task.method}</descriptionId>` +
    `<entity type="${task.entity.type}">${task.entity.value}</entity><entityName>${esc(task.entity.name)}</entityName>` +
    `<state>${state}</state><cancelled>${outcome?.state === 'error' && outcome.fault.type === 'RequestCanceled'}</cancelled>` +
    `<cancelable>${task.method === 'CloneVM_Task' && !outcome}</cancelable>` +
    (outcome?.state === 'error'
      ? `<error><fault xsi:type="${outcome.fault.type}"></fault><localizedMessage>${esc(outcome.fault.localizedMessage)}</localizedMessage></error>`
      : '') +
    (outcome?.state === 'success' && outcome.result
      ? `<result xsi:type="ManagedObjectReference" type="${outcome.result.replace(/^mor:(\w+)=.*$/, '$1')}">${outcome.result.replace(/^mor:\w+=/, '')}</result>`
      : '') +
    (progress !== null ? `<progress>${progress}</progress>` : '') +
    `<reason xsi:type="TaskReasonUser"><userName>VSPHERE.LOCAL\\hangar</userName></reason>` +
    `<queueTime>${time(task.queuedAt)}</queueTime>` +
    (state !== 'queued' ? `<startTime>${time(task.startAt)}</startTime>` : '') +
    (outcome ? `<completeTime>${time(Math.min(now, task.completeAt))}</completeTime>` : '') +
    `<eventChainId>${Number(task.moid.replace(/\D/g, '')) * 3}</eventChainId>`
  );
}
