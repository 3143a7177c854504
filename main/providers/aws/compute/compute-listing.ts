import {
  DescribeKeyPairsCommand,
  paginateDescribeInstances,
  paginateDescribeInstanceTypes,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type EC2Client,
  type Filter,
  type Instance,
} from '@aws-sdk/client-ec2';
import type {
  Flavor,
  KeyPairChoice,
  NetworkChoice,
  SecurityGroupChoice,
  ServerStatus,
} from '../../compute-driver';
import {
  byFlavorSize,
  mapFlavor,
  mapKeyPair,
  mapNetworks,
  mapSecurityGroup,
  mapServer,
} from './compute-mappers';

/** Pages as large as each Describe* allows; a token EC2 repeats ends the walk instead of looping. */
const pagerOf = (client: EC2Client, pageSize: number) => ({ client, pageSize, stopOnSameToken: true });

/** Every item of every page, in order. */
async function collect<Page, Item>(pages: AsyncIterable<Page>, items: (page: Page) => Item[] | undefined) {
  const all: Item[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** Current-generation types the region offers, smallest first. */
export async function listFlavors(client: EC2Client, signal?: AbortSignal): Promise<Flavor[]> {
  const types = await collect(
    paginateDescribeInstanceTypes(
      pagerOf(client, 100),
      { Filters: [{ Name: 'current-generation', Values: ['true'] }] },
      { abortSignal: signal },
    ),
    (page) => page.InstanceTypes,
  );
  return types.map(mapFlavor).sort(byFlavorSize);
}

/** The region's VPCs, each with its subnets. */
export async function listNetworks(client: EC2Client, signal?: AbortSignal): Promise<NetworkChoice[]> {
  const [vpcs, subnets] = await Promise.all([
    collect(paginateDescribeVpcs(pagerOf(client, 1000), {}, { abortSignal: signal }), (page) => page.Vpcs),
    collect(
      paginateDescribeSubnets(pagerOf(client, 1000), {}, { abortSignal: signal }),
      (page) => page.Subnets,
    ),
  ]);
  return mapNetworks(vpcs, subnets);
}

export async function listSecurityGroups(
  client: EC2Client,
  networkId: string | null,
): Promise<SecurityGroupChoice[]> {
  const filters: Filter[] = networkId ? [{ Name: 'vpc-id', Values: [networkId] }] : [];
  const groups = await collect(
    paginateDescribeSecurityGroups(pagerOf(client, 1000), { Filters: filters }),
    (page) => page.SecurityGroups,
  );
  return groups.map(mapSecurityGroup);
}

export async function listKeyPairs(client: EC2Client): Promise<KeyPairChoice[]> {
  const output = await client.send(new DescribeKeyPairsCommand({}));
  return (output.KeyPairs ?? []).map(mapKeyPair).sort((a, b) => a.name.localeCompare(b.name));
}

/** Instances matching `filters`, flattened out of their reservations. */
export async function findInstances(client: EC2Client, filters: Filter[]): Promise<Instance[]> {
  const reservations = await collect(
    paginateDescribeInstances(pagerOf(client, 1000), { Filters: filters }),
    (page) => page.Reservations,
  );
  return reservations.flatMap((reservation) => reservation.Instances ?? []);
}

/** Servers launched from the image that still exist (anything short of terminated). */
export async function serversUsingImage(client: EC2Client, imageId: string): Promise<ServerStatus[]> {
  const instances = await findInstances(client, [
    { Name: 'image-id', Values: [imageId] },
    { Name: 'instance-state-name', Values: ['pending', 'running', 'shutting-down', 'stopping', 'stopped'] },
  ]);
  return instances.map(mapServer);
}
