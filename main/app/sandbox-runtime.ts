import type { AwsConnection, AwsSecret, Cloud } from '@contract/index';
import type { CloudSandbox } from '../providers/provider-module';
import { SANDBOX_DEMO_CREDENTIAL, startEc2Sandbox } from '../sandbox';
import { startGcpSandbox } from '../sandbox/gcp';
import { startAzureSandbox } from '../sandbox/azure';
import { startVmwareSandbox } from '../sandbox/vmware';
import { startOpenStackSandbox } from '../sandbox/openstack';
import { startImgapiSandbox } from '../sandbox/imgapi';
import type { SandboxClouds } from '../services/driver-provider';

type AnySandbox = CloudSandbox<unknown, unknown>;

export interface SandboxRuntime extends SandboxClouds {
  clouds: readonly AnySandbox[];
  /** A local IMGAPI repository, for trying an import into the sandbox's OpenStack. */
  imgapiUrl: string;
  stop(): Promise<void>;
}

/** Public owners the AWS sandbox seeds; the same ones a new user would most likely cache. */
const awsSandboxOwners = ['amazon', 'aws-marketplace', '099720109477'];

async function startAwsSandbox(): Promise<CloudSandbox<AwsConnection, AwsSecret>> {
  const sandbox = await startEc2Sandbox({ port: 0 });
  return {
    cloud: 'aws',
    connection: {
      accessKeyId: SANDBOX_DEMO_CREDENTIAL.accessKeyId,
      regions: [...sandbox.regions],
      owners: awsSandboxOwners,
      endpoint: sandbox.endpoint,
    },
    secret: { secretAccessKey: SANDBOX_DEMO_CREDENTIAL.secretAccessKey },
    stop: () => sandbox.stop(),
  };
}

/** One local stand-in per cloud, so a newcomer can try every cloud with no account. */
const starters: ReadonlyArray<() => Promise<AnySandbox>> = [
  startAwsSandbox as () => Promise<AnySandbox>,
  (() => startGcpSandbox()) as () => Promise<AnySandbox>,
  (() => startAzureSandbox()) as () => Promise<AnySandbox>,
  (() => startOpenStackSandbox({ port: 0 })) as () => Promise<AnySandbox>,
  (() => startVmwareSandbox()) as () => Promise<AnySandbox>,
];

export async function startSandboxRuntime(): Promise<SandboxRuntime> {
  const [clouds, imgapi] = await Promise.all([
    Promise.all(starters.map((start) => start())),
    startImgapiSandbox(),
  ]);
  return {
    clouds,
    imgapiUrl: imgapi.url,
    connectionFor: (cloud: Cloud) => clouds.find((sandbox) => sandbox.cloud === cloud) ?? null,
    stop: async () => {
      await Promise.all([...clouds.map((sandbox) => sandbox.stop()), imgapi.stop()]);
    },
  };
}
