import { useId, useMemo, useState, type FormEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { useApi } from '../../api/api-context';
import { useAccounts, useAppInfo } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/format';
import { useAction } from '../registry/use-action';
import { ImgapiImageTable } from './imgapi-image-table';
import { chooseImage, ImgapiImportForm, useImportForm } from './imgapi-import-form';
import { filterImages, importAccounts, type RepositoryImage } from './model/imgapi';

/** A repository can hold thousands of images; the table shows this many matches at a time. */
const SHOWN = 200;

/**
 * "Import from an image repository": list a Joyent IMGAPI repository (or paste one image's
 * manifest URL), choose an OpenStack account and location, optionally register, then follow the
 * download, checks and upload inline until the image is in Glance.
 */
export function ImgapiImportDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const info = useAppInfo();
  const id = useId();
  const [repositoryUrl, setRepositoryUrl] = useState<string | null>(null);
  const [images, setImages] = useState<RepositoryImage[] | null>(null);
  const [filter, setFilter] = useState('');
  const accounts = useAccounts();
  const openstack = useMemo(() => importAccounts(accounts.data ?? []), [accounts.data]);
  const form = useImportForm(openstack);
  const manifestUrl = useWatch({ control: form.control, name: 'manifestUrl' });
  const list = useAction((url: string) => api.invoke('imgapi:list', { url }));
  // The sandbox's demo repository, until the user types another.
  const url = repositoryUrl ?? info.data?.sandbox.imgapiUrl ?? '';

  const onList = async (event: FormEvent) => {
    event.preventDefault();
    const listed = await list.run(url.trim());
    if (listed) setImages(listed);
  };

  const matches = images ? filterImages(images, filter) : [];
  return (
    <Dialog title="Import from an image repository" onClose={onClose} className="dialog-wide imgapi-dialog">
      <form className="imgapi-repository" noValidate onSubmit={(event) => void onList(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-repo`}>Repository URL</label>
          <div className="imgapi-repository-row">
            <input
              id={`${id}-repo`}
              type="url"
              autoComplete="off"
              placeholder="https://images.example.com"
              data-autofocus
              value={url}
              onChange={(event) => setRepositoryUrl(event.target.value)}
            />
            <button type="submit" disabled={list.busy || url.trim() === ''}>
              List images
            </button>
          </div>
          <p className="field-hint">A Joyent IMGAPI repository; or paste one image’s manifest URL below.</p>
        </div>
      </form>
      {list.busy && (
        <p className="muted" role="status">
          Asking the repository…
        </p>
      )}
      {list.error && <ErrorMessage error={list.error} context="Could not list the repository" />}
      {images && (
        <section className="imgapi-list" aria-label="Repository listing">
          <div className="imgapi-list-head">
            <span role="status">
              {plural(images.length, 'image')}
              {matches.length > SHOWN
                ? ` · showing ${SHOWN} of ${matches.length} matches: filter to narrow`
                : ''}
            </span>
            <span className="spacer" />
            <label className="inline-field">
              <span>Filter images</span>
              <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
            </label>
          </div>
          <ImgapiImageTable
            images={matches.slice(0, SHOWN)}
            selectedUrl={manifestUrl}
            onSelect={(image) => chooseImage(form, image)}
          />
        </section>
      )}
      {accounts.isError && <ErrorMessage error={accounts.error} context="Could not load the accounts" />}
      <ImgapiImportForm form={form} accounts={openstack} onClose={onClose} />
    </Dialog>
  );
}
