export { openstackProvider, openStackIdentity } from './openstack-provider';
export {
  createOpenStackDriver,
  OPENSTACK_IMAGE_SCOPE,
  type OpenStackDriverOptions,
} from './openstack-driver';
export {
  parseCloudsYaml,
  readCloudsYaml,
  CloudsYamlError,
  type CloudsYamlEntry,
  type CloudsYamlProblem,
} from './clouds-yaml';
export { normaliseOsDistro, OS_DISTRO_VOCABULARY, type OsDistro } from './os-distro';
export { mapGlanceImage, DEPRECATES_AT_PROPERTY } from './image-mapper';
export type { GlanceImage } from './glance-image';
