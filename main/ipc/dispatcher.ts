import type { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelResponse,
  type ParsedRequest,
  type Result,
} from '@contract/index';
import { toAppError } from './app-error';

/** One handler per channel; handlers are thin and call a service. */
export type ChannelHandlers = {
  [C in ChannelName]: (request: ParsedRequest<C>) => Promise<ChannelResponse<C>>;
};

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

/**
 * The single entry every transport (Electron IPC, browser host) goes through: the channel must
 * exist, the request must match its schema, and the response must match its schema too, so a
 * handler can never leak a field the contract does not declare.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: ChannelHandlers,
    private readonly logger: Logger = console,
    /** Told of every request from a window, e.g. to postpone the idle lock. */
    private readonly onActivity: () => void = () => undefined,
  ) {}

  async dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    this.onActivity();
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: `Unknown channel "${String(channel)}".` },
      };
    }
    const parsed = channels[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-request', message: describeIssues(parsed.error) } };
    }
    try {
      const handler = this.handlers[channel] as (request: unknown) => Promise<unknown>;
      const data = await handler(parsed.data);
      // `parse` strips keys the schema does not name: the contract is the upper bound of what leaves main.
      return { ok: true, data: channels[channel].response.parse(data) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') this.logger.error(`[${channel}]`, error);
      return { ok: false, error: appError };
    }
  }
}

/** "regions.0: must be an AWS region such as us-east-1; name: give the account a name" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
