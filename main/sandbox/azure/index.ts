export {
  startAzureSandbox,
  AZURE_SANDBOX_PUBLISHERS,
  type AzureSandbox,
  type AzureSandboxOptions,
} from './azure-sandbox-server';
export {
  AZURE_SANDBOX_DEMO,
  AZURE_SANDBOX_DEMO_PRINCIPAL,
  type AzureSandboxPrincipal,
} from './azure-principals';
export { AzureSandboxCatalog, DEFAULT_AZURE_SANDBOX_LOCATIONS } from './azure-catalog';
export type { AzureFault, AzureFaultKind, AzureOperation, AzureFaultInjector } from './azure-faults';
export { createSandboxTls, type SandboxTls } from './sandbox-tls';
export { AzureComputeWorld } from './compute-world';
export { DEFAULT_COMPUTE_DELAYS, type ComputeDelays } from './compute-context';
