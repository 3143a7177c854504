import type { ImageSummary } from '@contract/index';
import { registerTarget } from './catalog-row-menu';
import { useRegistryActions } from './registry-actions';

/** The catalog details pane's "Register…": the wizard, pre-filled with this image. */
export function RegisterImageButton({
  image,
}: {
  image: Pick<ImageSummary, 'accountId' | 'location' | 'cloudId'>;
}) {
  const actions = useRegistryActions();
  if (!actions) return null;
  return (
    <button type="button" onClick={() => actions.register(registerTarget(image))}>
      Register…
    </button>
  );
}
