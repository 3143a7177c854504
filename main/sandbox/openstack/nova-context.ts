import type { CallerToken } from './keystone-token-check';
import type { NeutronState } from './neutron-state';
import type { NovaGlanceClient } from './nova-glance';
import type { NovaState } from './nova-state';

/** Work the stand-in does after answering (a snapshot's upload), awaited when it stops. */
export class BackgroundTasks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  after(ms: number, work: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const task = work()
        .catch(() => undefined)
        .finally(() => this.running.delete(task));
      this.running.add(task);
    }, ms);
    this.timers.add(timer);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }
}

/** Everything a Nova handler needs for one request. */
export interface NovaContext {
  state: NovaState;
  neutron: NeutronState;
  glance: NovaGlanceClient;
  tasks: BackgroundTasks;
  caller: CallerToken;
  minor: number;
  /** Absolute URL of the mount (…/compute); links are `${mountUrl}/v2.1/…`. */
  mountUrl: string;
  now: number;
}

export const isAdmin = (context: NovaContext): boolean => context.caller.roles.includes('admin');
