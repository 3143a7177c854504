import { INSTANCE_STATE_CODES, type SandboxInstance } from './compute-model';
import type { ComputeWorld, RegionCompute } from './compute-world';
import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import { instanceXml, stateXml } from './instance-xml';
import type { QueryParams } from './query-params';
import { matchFilters, pageOf, type FieldReaders } from './resource-query';
import { idListParam } from './tag-params';

const FIELDS: FieldReaders<SandboxInstance> = {
  'instance-id': (i) => [i.instanceId],
  'image-id': (i) => [i.image.imageId],
  'instance-state-name': (i) => [i.state],
  'instance-state-code': (i) => [String(INSTANCE_STATE_CODES[i.state])],
  'instance-type': (i) => [i.instanceType],
  'reservation-id': (i) => [i.reservationId],
  'vpc-id': (i) => [i.vpcId],
  'subnet-id': (i) => [i.subnetId],
  'key-name': (i) => [i.keyName],
  'availability-zone': (i) => [i.availabilityZone],
  'private-ip-address': (i) => [i.privateIp],
  'ip-address': (i) => [i.publicIp],
  'instance.group-id': (i) => i.securityGroups.map((g) => g.groupId),
  'instance.group-name': (i) => i.securityGroups.map((g) => g.groupName),
  'client-token': (i) => [i.clientToken],
  'owner-id': (i) => [i.ownerId],
};

/** Instance ids that must all exist, or InvalidInstanceID.NotFound naming the ones that do not. */
function requireInstances(state: RegionCompute, ids: string[]): SandboxInstance[] {
  const missing = ids.filter((id) => !state.instances.has(id));
  if (missing.length === 1) {
    throw ec2Error('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  }
  if (missing.length > 1) {
    throw ec2Error('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  }
  return ids.flatMap((id) => state.instances.get(id) ?? []);
}

/** DescribeInstances: reservations holding the matching instances, in launch order, in pages. */
export function describeInstances(params: QueryParams, state: RegionCompute): string {
  const ids = idListParam(params, 'InstanceId', 'i', 'InvalidInstanceID.Malformed');
  requireInstances(state, ids);
  const matches = matchFilters(params, FIELDS, (instance) => instance.tags);
  const reservations = state.reservations
    .map((reservation) => ({
      reservation,
      instances: reservation.instanceIds
        .flatMap((id) => state.instances.get(id) ?? [])
        .filter((i) => (ids.length === 0 || ids.includes(i.instanceId)) && matches(i)),
    }))
    .filter((entry) => entry.instances.length > 0);
  const { page, nextToken } = pageOf(
    reservations,
    params,
    ['instances', state.accountId, state.region],
    { min: 5, max: 1000, idsMember: 'instancesSet' },
    ids.length > 0,
  );
  return (
    itemSet(
      'reservationSet',
      page.map(
        ({ reservation, instances }) =>
          leaf('reservationId', reservation.reservationId) +
          leaf('ownerId', reservation.ownerId) +
          '<groupSet/>' +
          itemSet('instancesSet', instances.map(instanceXml)),
      ),
    ) + leaf('nextToken', nextToken)
  );
}

/** "User initiated (2025-06-01 12:00:00 GMT)", EC2's StateTransitionReason after a terminate. */
function userInitiated(now: number): string {
  return `User initiated (${new Date(now).toISOString().slice(0, 19).replace('T', ' ')} GMT)`;
}

/** TerminateInstances: each goes shutting-down, then terminated after the world's shutdown delay. */
export function terminateInstances(params: QueryParams, world: ComputeWorld, state: RegionCompute): string {
  const ids = idListParam(params, 'InstanceId', 'i', 'InvalidInstanceID.Malformed');
  if (ids.length === 0)
    throw ec2Error('MissingParameter', 'The request must contain the parameter InstanceId');
  const instances = requireInstances(state, ids);
  const now = world.now();
  const changes = instances.map((instance) => {
    const previous = instance.state;
    if (previous !== 'shutting-down' && previous !== 'terminated') {
      instance.state = 'shutting-down';
      instance.stateReason = {
        code: 'Client.UserInitiatedShutdown',
        message: 'Client.UserInitiatedShutdown: User initiated shutdown',
      };
      instance.transitionReason = userInitiated(now);
      instance.next = { at: now + world.timing.shutdownMs, state: 'terminated' };
    }
    return (
      leaf('instanceId', instance.instanceId) +
      stateXml('currentState', instance.state) +
      stateXml('previousState', previous)
    );
  });
  return itemSet('instancesSet', changes);
}
