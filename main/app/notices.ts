import type { Notice } from '@contract/index';
import type { EventBus } from './event-bus';

/** Things the user must be told once (a damaged file moved aside …), kept for `app:info` and pushed live. */
export class Notices {
  private readonly list: Notice[] = [];
  private bus: EventBus | null = null;

  attach(bus: EventBus): void {
    this.bus = bus;
  }

  add(level: Notice['level'], message: string): void {
    const notice: Notice = { id: `notice-${this.list.length + 1}`, level, message };
    this.list.push(notice);
    this.bus?.emit('app:notice', notice);
  }

  all(): Notice[] {
    return [...this.list];
  }
}
