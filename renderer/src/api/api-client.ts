import { z } from 'zod';
import {
  AppErrorSchema,
  channels,
  events,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type EventName,
  type EventPayload,
} from '@contract/index';
import { ApiError, toApiError } from './api-error';
import type { Transport } from './bridge';

const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

/**
 * The typed face of the contract. Responses are validated against the channel's schema so a
 * mismatched main and renderer fail loudly here instead of rendering garbage.
 */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  async invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
    let reply: unknown;
    try {
      reply = await this.transport.bridge.invoke(channel, request);
    } catch (error) {
      throw toApiError(error);
    }
    const envelope = EnvelopeSchema.safeParse(reply);
    if (!envelope.success) {
      throw new ApiError('bad-response', `Hangar answered ${channel} without a result envelope.`);
    }
    if (!envelope.data.ok) {
      throw new ApiError(envelope.data.error.code, envelope.data.error.message);
    }
    const parsed = channels[channel].response.safeParse(envelope.data.data);
    if (!parsed.success) {
      throw new ApiError(
        'bad-response',
        `Hangar answered ${channel} in an unexpected shape: ${z.prettifyError(parsed.error)}`,
      );
    }
    return parsed.data as ChannelResponse<C>;
  }

  /** Listens to a main → renderer event; payloads that do not match the contract are dropped. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.bridge.on(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
      else console.warn(`Hangar: dropped a malformed ${event} event`, z.prettifyError(parsed.error));
    });
  }
}
