import {
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  ImportKeyPairCommand,
} from '@aws-sdk/client-ec2';
import type { ComputeDriver } from '../../compute-driver';
import type { ComputeCall } from './compute-call';
import { mapKeyPair, mapSecurityGroup } from './compute-mappers';
import { ingressPermissions } from './security-group-rules';

type AccessSetup = Required<Pick<ComputeDriver, 'createSecurityGroup' | 'createKeyPair' | 'importKeyPair'>>;

/** What the launch dialog creates on the way: a security group with rules, a key pair. */
export function accessSetup(call: ComputeCall): AccessSetup {
  return {
    createSecurityGroup: (location, group) =>
      call(
        location,
        {
          activity: `create security group ${group.name}`,
          permission: 'ec2:CreateSecurityGroup and ec2:AuthorizeSecurityGroupIngress',
        },
        async (c) => {
          const created = await c.send(
            new CreateSecurityGroupCommand({
              GroupName: group.name,
              Description: group.description,
              VpcId: group.networkId ?? undefined,
              TagSpecifications: [
                { ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: group.name }] },
              ],
            }),
          );
          const groupId = created.GroupId ?? '';
          if (group.rules.length > 0) {
            try {
              await c.send(
                new AuthorizeSecurityGroupIngressCommand({
                  GroupId: groupId,
                  IpPermissions: ingressPermissions(group.rules),
                }),
              );
            } catch (error) {
              // A group without the rules the user asked for is half-made: take it back, then say why.
              await c.send(new DeleteSecurityGroupCommand({ GroupId: groupId })).catch(() => undefined);
              throw error;
            }
          }
          const described = await c.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
          const found = described.SecurityGroups?.[0];
          return found
            ? mapSecurityGroup(found)
            : { id: groupId, name: group.name, description: group.description, networkId: group.networkId };
        },
      ),

    createKeyPair: (location, name, type) =>
      call(location, { activity: `create key pair ${name}`, permission: 'ec2:CreateKeyPair' }, async (c) => {
        const output = await c.send(
          new CreateKeyPairCommand({ KeyName: name, KeyType: type, KeyFormat: 'pem' }),
        );
        if (!output.KeyMaterial) throw new Error('EC2 created the key pair but returned no private key');
        // The private key exists only in this return value: never logged, never stored here.
        return {
          keyPair: { name: output.KeyName ?? name, fingerprint: output.KeyFingerprint ?? null, type },
          privateKey: output.KeyMaterial,
        };
      }),

    importKeyPair: (location, name, publicKey) =>
      call(location, { activity: `import key pair ${name}`, permission: 'ec2:ImportKeyPair' }, async (c) => {
        const line = publicKey.trim();
        // The SDK base64-encodes the bytes on the wire, as EC2 expects.
        const output = await c.send(
          new ImportKeyPairCommand({ KeyName: name, PublicKeyMaterial: Buffer.from(line, 'utf8') }),
        );
        const type = line.startsWith('ssh-ed25519 ')
          ? 'ed25519'
          : line.startsWith('ssh-rsa ')
            ? 'rsa'
            : undefined;
        return mapKeyPair({
          KeyName: output.KeyName ?? name,
          KeyFingerprint: output.KeyFingerprint,
          KeyType: type,
        });
      }),
  };
}
