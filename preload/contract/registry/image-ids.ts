/**
 * Cloud image ids as people paste them into the registration wizard. The renderer checks them as
 * the user types and main checks them again on every request, so both import this one pure module.
 * A valid id comes back in the canonical form the registry stores (one image, one spelling); an
 * invalid one comes back with a sentence saying what the id looks like, with an example.
 */

export type ImageIdCloud = 'aws' | 'gcp' | 'azure' | 'openstack' | 'vmware';
export type CloudImageIdResult = { ok: true; id: string } | { ok: false; message: string };
export type AzureImageKind = 'marketplace' | 'managed' | 'gallery';

const ok = (id: string): CloudImageIdResult => ({ ok: true, id });
const fail = (message: string): CloudImageIdResult => ({ ok: false, message });

/** Longer than any real id; also bounds the work the patterns below can do. */
const MAX_LENGTH = 1024;
const EXAMPLE_UUID = '4a9e1f0c-7d2b-4c1e-9f3a-2b6d8e0c5a17';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Shows a character in a message; spaces and the letter o (for zero) are the usual culprits. */
function describeChar(char: string): string {
  if (/\s/.test(char)) return 'a space';
  if (char === 'o') return '“o” (the letter; did you mean zero?)';
  return `“${char}”`;
}

/** Shortens echoed input so a pasted paragraph does not become the message. */
const quote = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

// ---- AWS -----------------------------------------------------------------------------------

const AMI_EXAMPLE = 'ami-0abc1234def567890';
const AMI_FORMAT = `An AMI id is ami- followed by 8 or 17 hex digits, like ${AMI_EXAMPLE}`;
const OTHER_EC2_IDS: [prefix: string, what: string][] = [
  ['snap-', 'a snapshot id'],
  ['vol-', 'a volume id'],
  ['i-', 'an instance id'],
  ['aki-', 'a kernel image id'],
  ['ari-', 'a ramdisk image id'],
];

/** Mixed case is a common paste (consoles, spreadsheets); EC2 ids are lowercase, so fold it. */
function validateAmiId(input: string): CloudImageIdResult {
  const text = input.trim().toLowerCase();
  if (text === '') return fail(`Enter the AMI id. ${AMI_FORMAT}.`);
  if (text.startsWith('resolve:ssm:') || text.startsWith('/aws/service/')) {
    return fail(
      `That is an SSM parameter, which names whichever AMI is newest, while a registry record names one exact AMI. Read its current value (aws ssm get-parameters --names …) and enter that id. ${AMI_FORMAT}.`,
    );
  }
  const other = OTHER_EC2_IDS.find(([prefix]) => text.startsWith(prefix));
  if (other) return fail(`That is ${other[1]}, not an image. ${AMI_FORMAT}.`);
  if (!text.startsWith('ami-')) {
    if (/^([0-9a-f]{8}|[0-9a-f]{17})$/.test(text)) return fail(`Add the ami- prefix: ami-${text}.`);
    if (/^ami[^-]/.test(text)) return fail(`Write ami with a hyphen after it. ${AMI_FORMAT}.`);
    return fail(`An AMI id starts with ami-. ${AMI_FORMAT}.`);
  }
  const digits = text.slice('ami-'.length);
  if (digits === '') return fail(`Add the 8 or 17 hex digits after ami-, like ${AMI_EXAMPLE}.`);
  const bad = [...digits].find((char) => !/[0-9a-f]/.test(char));
  if (bad !== undefined) {
    return fail(
      `${describeChar(bad)} is not a hex digit: after ami- come only 0–9 and a–f, like ${AMI_EXAMPLE}.`,
    );
  }
  if (digits.length !== 8 && digits.length !== 17) {
    return fail(
      `An AMI id has 8 or 17 hex digits after ami-; this one has ${digits.length}. Like ${AMI_EXAMPLE}.`,
    );
  }
  return ok(text);
}

// ---- Google Compute Engine -----------------------------------------------------------------

const GCP_EXAMPLE = 'projects/debian-cloud/global/images/debian-12-bookworm-v20240815';
const GCP_FORMAT = `A Compute Engine image is projects/PROJECT/global/images/NAME, like ${GCP_EXAMPLE}`;
const SELF_LINK = /^https:\/\/(?:www|compute)\.googleapis\.com\/compute\/(?:v1|beta|alpha)\/(?=projects\/)/;
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const IMAGE_NAME = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/** Plain ids, or the legacy domain-scoped form `example.com:project`. */
function isProjectId(project: string): boolean {
  const colon = project.lastIndexOf(':');
  if (colon === -1) return PROJECT_ID.test(project);
  const domain = project.slice(0, colon);
  const labels = domain.split('.');
  return (
    DOMAIN.test(domain) &&
    labels.every((label) => !label.startsWith('-') && !label.endsWith('-')) &&
    PROJECT_ID.test(project.slice(colon + 1))
  );
}

/** Canonical form is the path the catalog uses; selfLinks and Scalr's project-first form fold into it. */
function validateGcpImage(input: string): CloudImageIdResult {
  const text = input.trim();
  if (text === '') return fail(`Enter the image. ${GCP_FORMAT}.`);
  if (/^https?:\/\//i.test(text) && !SELF_LINK.test(text)) {
    return fail(
      `That link is not a Compute Engine image link (https://www.googleapis.com/compute/v1/projects/…). ${GCP_FORMAT}.`,
    );
  }
  const path = text.replace(SELF_LINK, '');
  if (/[A-Z]/.test(path)) return fail(`Project ids and image names are lowercase. ${GCP_FORMAT}.`);
  const parts = path.split('/');
  if (parts[0] === 'projects') parts.shift();
  if (parts.length === 1 && IMAGE_NAME.test(path)) {
    return fail(`Name the image's project too: projects/PROJECT/global/images/${path}.`);
  }
  if (parts[0] === 'global') return fail(`The project is missing. ${GCP_FORMAT}.`);
  const [project = '', global, images, name = '', familyName] = parts;
  if (global !== 'global' || images !== 'images' || parts.length < 4 || parts.length > 5) {
    return fail(`${quote(text)} is not an image path. ${GCP_FORMAT}.`);
  }
  if (parts.length === 5) {
    if (name !== 'family') return fail(`${quote(text)} is not an image path. ${GCP_FORMAT}.`);
    // A family always means its newest image; a registry record maps to one exact image.
    return fail(
      `That is an image family, which always points at its newest image, while a registry record names one exact image. Find the current one (gcloud compute images describe-from-family ${familyName || 'FAMILY'} --project ${project}) and enter its name.`,
    );
  }
  if (!isProjectId(project)) {
    return fail(
      `${quote(project)} is not a project id: 6–30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen, like debian-cloud.`,
    );
  }
  if (name === '') return fail(`The image name is missing. ${GCP_FORMAT}.`);
  if (!IMAGE_NAME.test(name)) {
    return fail(
      name.length > 63
        ? `An image name has at most 63 characters; this one has ${name.length}.`
        : `${quote(name)} is not an image name: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.`,
    );
  }
  return ok(`projects/${project}/global/images/${name}`);
}

// ---- Azure ---------------------------------------------------------------------------------

const URN_EXAMPLE = 'Canonical:ubuntu-24_04-lts:server:latest';
const AZURE_FORMAT = `An Azure image is a Marketplace URN Publisher:Offer:Sku:Version, like ${URN_EXAMPLE}, or the resource id of a managed image or of a gallery image version (/subscriptions/…/providers/Microsoft.Compute/…)`;
const URN_PART = /^[A-Za-z0-9._-]+$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const URN_PART_NAMES = ['publisher', 'offer', 'SKU', 'version'] as const;
const RESOURCE_GROUP = /^[\p{L}\p{N}_.()-]{0,89}[\p{L}\p{N}_()-]$/u;
const MANAGED_IMAGE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
const GALLERY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,78}[A-Za-z0-9])?$/;
const DEFINITION_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9])?$/;

/** Names keep the user's case (Azure compares them case-insensitively); only `latest` is folded. */
function validateUrn(text: string): CloudImageIdResult {
  const parts = text.split(':').map((part) => part.trim());
  if (parts.length === 1) {
    if (text.split('/').length === 4)
      return fail(`Separate the four parts with colons, like ${URN_EXAMPLE}.`);
    return fail(`That is neither a Marketplace URN nor a resource id. ${AZURE_FORMAT}.`);
  }
  if (parts.length !== 4) {
    return fail(
      `A Marketplace URN has four parts, Publisher:Offer:Sku:Version; this has ${parts.length}. Like ${URN_EXAMPLE} (latest for the newest version).`,
    );
  }
  const empty = parts.findIndex((part) => part === '');
  if (empty !== -1) return fail(`The ${URN_PART_NAMES[empty]} part is empty. Like ${URN_EXAMPLE}.`);
  for (const [index, part] of parts.slice(0, 3).entries()) {
    if (!URN_PART.test(part)) {
      return fail(
        `The ${URN_PART_NAMES[index]} ${quote(part)} may hold only letters, digits, dots, hyphens and underscores.`,
      );
    }
  }
  const version = parts[3] as string;
  const canonicalVersion = version.toLowerCase() === 'latest' ? 'latest' : version;
  if (canonicalVersion !== 'latest' && !VERSION.test(version)) {
    return fail(
      `The version is latest or three numbers with dots, like 22.04.202408010; ${quote(version)} is neither.`,
    );
  }
  return ok([...parts.slice(0, 3), canonicalVersion].join(':'));
}

/** Keywords fold to Azure's documented casing; the subscription GUID to lowercase; names are kept. */
function validateAzureResourceId(text: string): CloudImageIdResult {
  const segments = text.replace(/\/+$/, '').split('/');
  const keyword = (index: number): string => (segments[index] ?? '').toLowerCase();
  const shaped =
    keyword(1) === 'subscriptions' &&
    keyword(3) === 'resourcegroups' &&
    keyword(5) === 'providers' &&
    keyword(6) === 'microsoft.compute';
  if (!shaped || segments.length < 9) {
    return fail(
      `A resource id reads /subscriptions/SUBSCRIPTION/resourceGroups/GROUP/providers/Microsoft.Compute/images/NAME (or …/galleries/GALLERY/images/DEFINITION/versions/1.0.0).`,
    );
  }
  const subscription = (segments[2] as string).toLowerCase();
  const group = segments[4] as string;
  if (!UUID.test(subscription)) {
    return fail(
      `The subscription ${quote(subscription)} is not a subscription id (a GUID like ${EXAMPLE_UUID}).`,
    );
  }
  if (!RESOURCE_GROUP.test(group)) {
    return fail(
      `${quote(group)} is not a resource group name: up to 90 letters, digits, underscores, hyphens, periods or parentheses, not ending with a period.`,
    );
  }
  const prefix = `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Compute`;
  const [name = '', , definition = '', , version = ''] = segments.slice(8);
  if (keyword(7) === 'images' && segments.length === 9) {
    if (!MANAGED_IMAGE_NAME.test(name)) {
      return fail(
        `${quote(name)} is not a managed image name: up to 80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore.`,
      );
    }
    return ok(`${prefix}/images/${name}`);
  }
  if (keyword(7) === 'galleries' && keyword(9) === 'images') {
    // A definition without a version means "its newest version": not one exact image.
    if (segments.length === 11) {
      return fail(
        'That is a gallery image definition, which stands for its newest version, while a registry record names one exact image. Add /versions/ and the version, like /versions/1.0.0.',
      );
    }
    if (segments.length === 13 && keyword(11) === 'versions') {
      if (!GALLERY_NAME.test(name)) {
        return fail(`${quote(name)} is not a gallery name: letters, digits, periods and underscores.`);
      }
      if (!DEFINITION_NAME.test(definition)) {
        return fail(
          `${quote(definition)} is not an image definition name: letters, digits, hyphens, periods and underscores.`,
        );
      }
      if (!VERSION.test(version)) {
        return fail(
          `A gallery image version is three numbers with dots, like 1.0.0; ${quote(version)} is not.`,
        );
      }
      return ok(`${prefix}/galleries/${name}/images/${definition}/versions/${version}`);
    }
  }
  return fail(
    'Hangar registers managed images (…/providers/Microsoft.Compute/images/NAME) and gallery image versions (…/galleries/GALLERY/images/DEFINITION/versions/1.0.0).',
  );
}

function validateAzureImage(input: string): CloudImageIdResult {
  const text = input.trim();
  if (text === '') return fail(`Enter the image. ${AZURE_FORMAT}.`);
  return text.startsWith('/') ? validateAzureResourceId(text) : validateUrn(text);
}

/** Which of Azure's three image references an id is, by its shape. */
export function azureImageKind(id: string): AzureImageKind {
  const text = id.trim();
  if (!text.startsWith('/')) return 'marketplace';
  return /\/galleries\//i.test(text) ? 'gallery' : 'managed';
}

// ---- OpenStack and VMware ------------------------------------------------------------------

/** Dashed 8-4-4-4-12 in any case, or the 32 digits without dashes, → lowercase dashed; else a reason. */
function canonicalUuid(text: string): string | { problem: string } {
  const lower = text.toLowerCase();
  if (UUID.test(lower)) return lower;
  const digits = lower.replace(/-/g, '');
  const bad = [...digits].find((char) => !/[0-9a-f]/.test(char));
  if (bad !== undefined) return { problem: `${describeChar(bad)} is not a hex digit` };
  if (digits.length !== 32) return { problem: `it has ${digits.length} hex digits, not 32` };
  if (digits !== lower) return { problem: 'its dashes belong after the 8th, 12th, 16th and 20th digits' };
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

function validateGlanceId(input: string): CloudImageIdResult {
  const text = input.trim();
  const format = `A Glance image id is a UUID, like ${EXAMPLE_UUID}`;
  if (text === '') return fail(`Enter the image id. ${format}.`);
  // Spaces, dots or several non-hex letters: a name, not a mistyped id.
  if (/[\s._]/.test(text) || (text.match(/[^0-9a-f-]/gi) ?? []).length > 2) {
    return fail(`That looks like a name. ${format} (the ID column of openstack image list).`);
  }
  const uuid = canonicalUuid(text);
  if (typeof uuid === 'string') return ok(uuid);
  return fail(`${format}: 32 hex digits written 8-4-4-4-12, and ${uuid.problem}.`);
}

const VM_MOID = /^vm-\d+$/;

/** The wizard offers a list; these are the ids that list carries (library items, template VMs). */
function validateVsphereTemplate(input: string): CloudImageIdResult {
  const text = input.trim().toLowerCase();
  if (VM_MOID.test(text) || UUID.test(text)) return ok(text);
  return fail(
    'Pick the template from the list: VMware templates are chosen, not typed (a content library item or a template VM such as vm-123).',
  );
}

// ---- Entry points --------------------------------------------------------------------------

const VALIDATORS: Record<ImageIdCloud, (input: string) => CloudImageIdResult> = {
  aws: validateAmiId,
  gcp: validateGcpImage,
  azure: validateAzureImage,
  openstack: validateGlanceId,
  vmware: validateVsphereTemplate,
};

/** Checks a cloud image id as typed and returns its canonical form, or what the format is. */
export function validateCloudImageId(cloud: ImageIdCloud, input: string): CloudImageIdResult {
  if (input.length > MAX_LENGTH)
    return fail(`That is too long for an image id (${input.length} characters).`);
  return VALIDATORS[cloud](input);
}

const HINTS: Record<ImageIdCloud, string> = {
  aws: AMI_EXAMPLE,
  gcp: GCP_EXAMPLE,
  azure: `${URN_EXAMPLE} or /subscriptions/…/images/NAME`,
  openstack: EXAMPLE_UUID,
  vmware: 'Choose a template from the list',
};

/** Placeholder text for the wizard's image id field. */
export function cloudImageIdHint(cloud: ImageIdCloud): string {
  return HINTS[cloud];
}
