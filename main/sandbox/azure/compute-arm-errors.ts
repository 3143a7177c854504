import { ArmError } from './arm-error';

/**
 * Refusals of the Compute and Network resource providers, worded like Azure's own so the
 * driver's classifier and the user see what Azure would say.
 */
export const computeErrors = {
  invalidReference: (referenced: string, by: string) =>
    new ArmError(
      400,
      'InvalidResourceReference',
      `Resource ${referenced} referenced by resource ${by} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
    ),
  notFound: (type: string, name: string, resourceGroup: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),
  invalidParameter: (target: string, message: string) =>
    new ArmError(400, 'InvalidParameter', message, { 'x-ms-error-target': target }),
  quotaExceeded: (family: string, location: string, limit: number, usage: number, required: number) =>
    new ArmError(
      409,
      'OperationNotAllowed',
      `Operation could not be completed as it results in exceeding approved ${family} Cores quota. Additional details - Deployment Model: Resource Manager, Location: ${location}, Current Limit: ${limit}, Current Usage: ${usage}, Additional Required: ${required}, (Minimum) New Limit Required: ${usage + required}. Submit a request for Quota increase at https://aka.ms/ProdportalCRP/#blade/Microsoft_Azure_Capacity/UsageAndQuota.ReactView by specifying parameters listed in the ‘Details’ section for deployment to succeed. Please read more about quota limits at https://docs.microsoft.com/en-us/azure/azure-supportability/per-vm-quota-requests`,
    ),
  skuNotAvailable: (size: string, location: string) =>
    new ArmError(
      409,
      'SkuNotAvailable',
      `The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: ${size}' is currently not available in location '${location}'. Please try another size or deploy to a different location or different zone. See https://aka.ms/azureskunotavailable for details.`,
    ),
  platformImageNotFound: (urn: string) =>
    new ArmError(
      404,
      'PlatformImageNotFound',
      `The platform image '${urn}' is not available. Verify that all fields in the storage profile are correct. For more details about storage profile information, please refer to https://aka.ms/storageprofile`,
    ),
  imageNotFound: (id: string) =>
    new ArmError(
      404,
      'NotFound',
      `The Image '${id}' cannot be found in '${id.split('/')[4] ?? ''}' resource group.`,
    ),
  nicInUse: (nic: string, vm: string) =>
    new ArmError(
      400,
      'NicInUse',
      `Network Interface ${nic} is used by existing resource ${vm}. In order to delete the network interface, it must be dissociated from the resource. To learn more, see aka.ms/deletenic.`,
    ),
  nicAlreadyAttached: (nic: string, vm: string) =>
    new ArmError(
      400,
      'NicReservedForAnotherVm',
      `Nic(s) in request is reserved for another Virtual Machine for 180 seconds or is attached to ${vm}. Please provide another nic(s) or retry after 180 seconds. Reserved VM: ${vm}. Nic: ${nic}.`,
    ),
  publicIpInUse: (ip: string, by: string) =>
    new ArmError(
      400,
      'PublicIPAddressCannotBeDeleted',
      `Public IP address ${ip} can not be deleted since it is still allocated to resource ${by}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.`,
    ),
  nsgInUse: (nsg: string, by: string) =>
    new ArmError(
      400,
      'InUseNetworkSecurityGroupCannotBeDeleted',
      `Network security group ${nsg} cannot be deleted because it is in use by the following resources: ${by}.`,
    ),
  invalidPortRange: (rule: string, value: string) =>
    new ArmError(
      400,
      'SecurityRuleInvalidPortRange',
      `Security rule ${rule} has invalid Port range. Value provided: ${value}. Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535.`,
    ),
  invalidPriority: (rule: string, value: unknown) =>
    new ArmError(
      400,
      'SecurityRuleInvalidPriority',
      `Security rule ${rule} has invalid Priority. Value provided: ${String(value)} Allowed range 100-4096.`,
    ),
  duplicatePriority: (a: string, b: string, priority: number, direction: string) =>
    new ArmError(
      400,
      'SecurityRuleConflict',
      `Security rule ${a} conflicts with rule ${b}. Rules cannot have the same Priority (${priority}) and Direction (${direction}).`,
    ),
  unsupportedValue: (rule: string, field: string, value: unknown) =>
    new ArmError(
      400,
      'SecurityRuleParameterContainsUnsupportedValue',
      `Security rule parameter ${field} for rule with Id ${rule} cannot specify existing VNET subnet id ${String(value).slice(0, 60)} or contains an unsupported value.`,
    ),
  operationNotAllowed: (message: string) => new ArmError(409, 'OperationNotAllowed', message),
  badRequest: (message: string) => new ArmError(400, 'BadRequest', message),
  locationNotAvailable: (location: string, type: string, available: readonly string[]) =>
    new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type '${type}'. List of available regions for the resource type is '${available.join(',')}'.`,
    ),
};
