import { SANDBOX_DEMO_CREDENTIAL, startEc2Sandbox } from '../sandbox';

export interface SandboxRuntime {
  endpoint: string;
  regions: readonly string[];
  credentials(): { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

/** The embedded EC2 sandbox that the built-in account talks to, on a free loopback port. */
export async function startSandboxRuntime(): Promise<SandboxRuntime> {
  const sandbox = await startEc2Sandbox({ port: 0 });
  return {
    endpoint: sandbox.endpoint,
    regions: sandbox.regions,
    credentials: () => ({
      accessKeyId: SANDBOX_DEMO_CREDENTIAL.accessKeyId,
      secretAccessKey: SANDBOX_DEMO_CREDENTIAL.secretAccessKey,
    }),
    stop: () => sandbox.stop(),
  };
}
