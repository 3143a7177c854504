import { StandInRequestLog } from './shared/request-log';

/** One request as the sandbox saw it; secrets are never recorded (only the key id). */
export interface SandboxRequest {
  seq: number;
  receivedAt: Date;
  action: string | null;
  region: string | null;
  accessKeyId: string | null;
  /** The SDK's attempt counter from `amz-sdk-request: attempt=N; max=M`, when sent. */
  attempt: number | null;
  invocationId: string | null;
  params: Record<string, string>;
  /** 0 when the client went away before the answer. */
  status: number;
  errorCode: string | null;
}

/** The EC2-style log (also used by the Azure and vSphere stand-ins), filtered by action. */
export class RequestLog extends StandInRequestLog<SandboxRequest> {
  entries(action?: string): readonly SandboxRequest[] {
    return action ? this.matching((r) => r.action === action) : this.matching();
  }
}
