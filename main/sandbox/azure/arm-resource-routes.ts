import { armErrors } from './arm-error';
import type { ArmResult, ArmRoute } from './arm-routes';
import type { AzureSandboxCatalog } from './azure-catalog';
import type { ArmResource, SeededGallery } from './private-images-seed';

const GALLERY = '/resourceGroups/([^/]+)/providers/Microsoft\\.Compute/galleries/([^/]+)';
const route = (path: string): RegExp => new RegExp(`^${path}$`, 'i');
const json = (value: unknown): ArmResult => ({ kind: 'json', value });
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** ARM checks the resource group before the resource, then each parent of a nested resource. */
function galleryIn(catalog: AzureSandboxCatalog, resourceGroup: string, name: string): SeededGallery | null {
  if (!catalog.hasResourceGroup(resourceGroup)) throw armErrors.resourceGroupNotFound(resourceGroup);
  return catalog.gallery(resourceGroup, name);
}

function definitionIn(
  catalog: AzureSandboxCatalog,
  [resourceGroup = '', galleryName = '', image = '']: string[],
): { definition: ArmResource; versions: ArmResource[] } | null {
  const gallery = galleryIn(catalog, resourceGroup, galleryName);
  if (!gallery) throw armErrors.parentResourceNotFound(`Microsoft.Compute/galleries/${galleryName}`);
  return gallery.definitions.find((d) => same(d.definition.name, image)) ?? null;
}

/** Single-resource GETs (the SDK's `get` operations) for managed images and Compute Gallery parts. */
export const RESOURCE_GET_ROUTES: readonly ArmRoute[] = [
  {
    operation: 'images.get',
    action: 'Microsoft.Compute/images/read',
    pattern: route('/resourceGroups/([^/]+)/providers/Microsoft\\.Compute/images/([^/]+)'),
    handle: ([resourceGroup = '', name = ''], _q, catalog) => {
      if (!catalog.hasResourceGroup(resourceGroup)) throw armErrors.resourceGroupNotFound(resourceGroup);
      const image = catalog.managedImage(resourceGroup, name);
      if (!image) throw armErrors.resourceNotFound('Microsoft.Compute/images', name, resourceGroup);
      return json(image);
    },
  },
  {
    operation: 'galleries.get',
    action: 'Microsoft.Compute/galleries/read',
    pattern: route(GALLERY),
    handle: ([resourceGroup = '', name = ''], _q, catalog) => {
      const gallery = galleryIn(catalog, resourceGroup, name);
      if (!gallery) throw armErrors.resourceNotFound('Microsoft.Compute/galleries', name, resourceGroup);
      return json(gallery.gallery);
    },
  },
  {
    operation: 'galleryImages.get',
    action: 'Microsoft.Compute/galleries/images/read',
    pattern: route(`${GALLERY}/images/([^/]+)`),
    handle: (captures, _q, catalog) => {
      const [resourceGroup = '', gallery = '', image = ''] = captures;
      const found = definitionIn(catalog, captures);
      if (!found)
        throw armErrors.resourceNotFound(
          'Microsoft.Compute/galleries/images',
          `${gallery}/${image}`,
          resourceGroup,
        );
      return json(found.definition);
    },
  },
  {
    operation: 'galleryImageVersions.get',
    action: 'Microsoft.Compute/galleries/images/versions/read',
    pattern: route(`${GALLERY}/images/([^/]+)/versions/([^/]+)`),
    handle: (captures, _q, catalog) => {
      const [resourceGroup = '', gallery = '', image = '', version = ''] = captures;
      const found = definitionIn(catalog, captures);
      if (!found)
        throw armErrors.parentResourceNotFound(`Microsoft.Compute/galleries/${gallery}/images/${image}`);
      const match = found.versions.find((v) => same(v.name, version));
      if (!match)
        throw armErrors.resourceNotFound(
          'Microsoft.Compute/galleries/images/versions',
          `${gallery}/${image}/${version}`,
          resourceGroup,
        );
      return json(match);
    },
  },
];
