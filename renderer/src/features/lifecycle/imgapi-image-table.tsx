import { useId } from 'react';
import { formatDay } from '../../lib/format';
import { formatBytes, imageLabel, importProblem, type RepositoryImage } from './model/imgapi';

interface ImgapiImageTableProps {
  images: readonly RepositoryImage[];
  /** The manifest URL chosen now: its image's radio is checked. */
  selectedUrl: string;
  onSelect: (image: RepositoryImage) => void;
}

/**
 * A repository's images with one radio each; only whole-disk (zvol) images can boot on OpenStack,
 * so the others are listed but cannot be chosen, and say why.
 */
export function ImgapiImageTable({ images, selectedUrl, onSelect }: ImgapiImageTableProps) {
  const id = useId();
  return (
    <div className="imgapi-table-wrap">
      <table className="registry-table imgapi-table" aria-label="Repository images">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Choose</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Version</th>
            <th scope="col">OS</th>
            <th scope="col">Type</th>
            <th scope="col">Published</th>
            <th scope="col">Size</th>
          </tr>
        </thead>
        <tbody>
          {images.map((image) => {
            const problem = importProblem(image);
            const reasonId = `${id}-${image.uuid}-why`;
            return (
              <tr key={image.uuid} className={problem ? 'is-unavailable' : undefined}>
                <td>
                  <input
                    type="radio"
                    name={`${id}-image`}
                    aria-label={imageLabel(image)}
                    aria-describedby={problem ? reasonId : undefined}
                    disabled={problem !== null}
                    checked={image.manifestUrl === selectedUrl}
                    onChange={() => onSelect(image)}
                  />
                </td>
                <td>{image.name}</td>
                <td>{image.version}</td>
                <td>{image.os}</td>
                <td>
                  {image.type}
                  {problem && (
                    <div id={reasonId} className="field-hint">
                      {problem}
                    </div>
                  )}
                </td>
                <td>{formatDay(image.publishedAt)}</td>
                <td>{formatBytes(image.sizeBytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
