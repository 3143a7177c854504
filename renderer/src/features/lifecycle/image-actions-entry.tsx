import type { ImageDetail, RegistryMapping } from '@contract/index';
import { ImageActionsMenu } from './image-actions-menu';
import { catalogImage, mappingImage } from './model/image-actions';

/** The "…" button of a record's mapping row. */
export function MappingImageActions({ recordId, mapping }: { recordId: string; mapping: RegistryMapping }) {
  return (
    <ImageActionsMenu
      image={mappingImage(mapping, recordId)}
      buttonLabel={`Image actions for ${mapping.cloudImageId}`}
      className="button-small button-quiet"
    >
      …
    </ImageActionsMenu>
  );
}

/** The catalog details pane's "Image actions" button. */
export function CatalogImageActions({ image }: { image: ImageDetail }) {
  return <ImageActionsMenu image={catalogImage(image)}>Image actions</ImageActionsMenu>;
}
