/** A service principal the stand-in's Entra ID knows: tenant, app (client) id and its secret. */
export interface AzureSandboxPrincipal {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The principal's object id, named in ARM's AuthorizationFailed messages. Derived when omitted. */
  objectId?: string;
  /** RBAC actions this principal lacks, e.g. `Microsoft.Compute/images/read`; everything else is allowed. */
  deniedActions?: readonly string[];
}

/**
 * The embedded Sandbox's account. Made-up GUIDs (no real tenant or subscription) and a secret in
 * the shape of an Entra client secret value; it opens nothing but this local stand-in.
 */
export const AZURE_SANDBOX_DEMO = {
  tenantId: '5f1c7a62-3b4e-4d2a-9c1e-7a8b0d2e4f61',
  clientId: 'c0ffee00-4a1b-4c2d-8e3f-2b9a7c6d5e40',
  subscriptionId: '3d2e1f0a-9b8c-4d7e-a6f5-0e1d2c3b4a59',
  clientSecret: 'Hs8Q~sandbox.demo-secret.opens.only.the.local.stand-in',
} as const;

export const AZURE_SANDBOX_DEMO_PRINCIPAL: AzureSandboxPrincipal = {
  tenantId: AZURE_SANDBOX_DEMO.tenantId,
  clientId: AZURE_SANDBOX_DEMO.clientId,
  clientSecret: AZURE_SANDBOX_DEMO.clientSecret,
};

/** A stable object id per principal, so messages name the same id across a run. */
export function objectIdOf(principal: AzureSandboxPrincipal): string {
  if (principal.objectId) return principal.objectId;
  const hex = principal.clientId.replace(/-/g, '').split('').reverse().join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
