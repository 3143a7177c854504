import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  composeStartupScript,
  composeUserData,
  raidCloudConfig,
  raidStartupScript,
} from '../../../main/services/launch/cloud-init';

describe('first-boot RAID cloud-config', () => {
  const config = raidCloudConfig({
    level: '1',
    mountPoint: '/data',
    filesystem: 'xfs',
    disks: 2,
    sizeGb: 100,
  });

  it('is a cloud-config that installs mdadm and builds the array from disks of the planned size', () => {
    expect(config.startsWith('#cloud-config\n')).toBe(true);
    expect(config).toContain('packages: [mdadm]');
    expect(config).toContain(`$3==${100 * 1024 ** 3}`);
    expect(config).toContain('mdadm --create /dev/md0 --run --level=1 --raid-devices="$want" "$@"');
    expect(config).toContain('mkfs.xfs -f /dev/md0');
    expect(config).toContain('/dev/md0 /data xfs defaults,nofail 0 2');
  });

  it('runs as one shell block under runcmd', () => {
    const lines = config.split('\n');
    const start = lines.indexOf('  - |');
    expect(start).toBeGreaterThan(lines.indexOf('runcmd:'));
    expect(
      lines
        .slice(start + 1)
        .filter(Boolean)
        .every((line) => line.startsWith('    ')),
    ).toBe(true);
  });

  it('uses ext4 and RAID 0 when asked', () => {
    const raid0 = raidCloudConfig({
      level: '0',
      mountPoint: '/srv/db',
      filesystem: 'ext4',
      disks: 3,
      sizeGb: 50,
    });
    expect(raid0).toContain('--level=0');
    expect(raid0).toContain('want=3');
    expect(raid0).toContain('mkfs.ext4 -F /dev/md0');
  });
});

describe('user data', () => {
  it('is the user’s own, the RAID config, or both as MIME multipart with each part typed', () => {
    expect(composeUserData(null, null)).toBeNull();
    expect(composeUserData('  ', null)).toBeNull();
    expect(composeUserData('#!/bin/sh\necho hi', null)).toBe('#!/bin/sh\necho hi');
    expect(composeUserData(null, '#cloud-config\n')).toBe('#cloud-config\n');
    const both = composeUserData('#!/bin/sh\necho hi', '#cloud-config\npackages: [mdadm]\n')!;
    expect(both).toMatch(/^Content-Type: multipart\/mixed; boundary="([^"]+)"/);
    expect(both).toContain('Content-Type: text/cloud-config; charset="utf-8"');
    expect(both).toContain('Content-Type: text/x-shellscript; charset="utf-8"');
    expect(both.trimEnd().endsWith('--HANGAR-MIME-BOUNDARY--')).toBe(true);
    expect(composeUserData('#cloud-config\nruncmd: []', '#cloud-config\n')).toContain(
      'Content-Type: text/cloud-config; charset="utf-8"\n\n#cloud-config\nruncmd: []',
    );
  });
});

describe('Compute Engine startup script', () => {
  it('builds the same array from a bash script that installs mdadm and runs once', () => {
    const script = raidStartupScript({
      level: '0',
      mountPoint: '/data',
      filesystem: 'ext4',
      disks: 2,
      sizeGb: 10,
    });
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(script).toContain('apt-get install -y -qq mdadm');
    expect(script).toContain('[ -e /var/lib/hangar-raid-done ] && exit 0');
    expect(script).toContain('mdadm --create /dev/md0 --run --level=0');
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
  });

  it('runs the RAID script, then the user’s, each in its own shell, whatever quotes they hold', () => {
    const composed = composeStartupScript(
      `#!/bin/sh\necho "user's"; exit 3`,
      `#!/bin/bash\necho 'raid'; exit 0`,
    );
    const run = spawnSync('bash', ['-c', composed], { encoding: 'utf8' });
    expect(run.stdout).toBe("raid\nuser's\n");
    expect(composeStartupScript(null, '#!/bin/bash\ntrue')).toBe('#!/bin/bash\ntrue');
  });
});
