import { randomUUID } from 'node:crypto';
import { etag, resourceId, type WireResource } from './compute-context';
import { seedNetworks, seedSecurityGroups } from './compute-seed';
import { defaultSecurityRules, ruleResource } from './security-rules';

const NETWORK = 'Microsoft.Network';

/** The seeded virtual networks as ARM returns them, subnets inline. */
export function seededVirtualNetworks(subscriptionId: string, locations: readonly string[]): WireResource[] {
  return seedNetworks(locations).map((seed) => {
    const id = resourceId(subscriptionId, seed.resourceGroup, NETWORK, 'virtualNetworks', seed.name);
    return {
      id,
      name: seed.name,
      type: `${NETWORK}/virtualNetworks`,
      location: seed.location,
      etag: etag(),
      tags: { owner: 'network-team' },
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: randomUUID(),
        addressSpace: { addressPrefixes: [seed.addressPrefix] },
        subnets: seed.subnets.map((subnet) => ({
          name: subnet.name,
          id: `${id}/subnets/${subnet.name}`,
          etag: etag(),
          type: `${NETWORK}/virtualNetworks/subnets`,
          properties: {
            provisioningState: 'Succeeded',
            addressPrefix: subnet.prefix,
            ipConfigurations: [],
            delegations: [],
            privateEndpointNetworkPolicies: 'Disabled',
            privateLinkServiceNetworkPolicies: 'Enabled',
          },
        })),
        virtualNetworkPeerings: [],
        enableDdosProtection: false,
      },
    };
  });
}

/** The seeded network security groups, with their rules and the six default ones. */
export function seededSecurityGroups(subscriptionId: string, locations: readonly string[]): WireResource[] {
  return seedSecurityGroups(locations).map((seed) => {
    const id = resourceId(subscriptionId, seed.resourceGroup, NETWORK, 'networkSecurityGroups', seed.name);
    return {
      id,
      name: seed.name,
      type: `${NETWORK}/networkSecurityGroups`,
      location: seed.location,
      etag: etag(),
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: randomUUID(),
        securityRules: seed.rules.map((rule) =>
          ruleResource(id, rule.name, {
            protocol: rule.protocol,
            sourcePortRange: '*',
            destinationPortRange: rule.port,
            sourceAddressPrefix: rule.source,
            destinationAddressPrefix: '*',
            access: 'Allow',
            priority: rule.priority,
            direction: 'Inbound',
          }),
        ),
        defaultSecurityRules: defaultSecurityRules(id),
      },
    };
  });
}
