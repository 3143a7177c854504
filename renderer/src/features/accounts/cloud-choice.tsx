import type { Cloud } from '@contract/index';
import { CLOUD_LABEL, CLOUDS } from '../../lib/clouds';

const WHAT: Record<Cloud, string> = {
  aws: 'Access key; AMIs per region and owner.',
  gcp: 'Service-account key or token; global images per project.',
  azure: 'Service principal; Marketplace, managed and gallery images.',
  openstack: 'Keystone v3; Glance images of one region.',
  vmware: 'vCenter user; templates and content libraries.',
};

interface CloudChoiceProps {
  value: Cloud;
  onChange: (cloud: Cloud) => void;
}

/** The first question of the add dialog. Native radios: arrow keys move between clouds. */
export function CloudChoice({ value, onChange }: CloudChoiceProps) {
  return (
    <fieldset className="cloud-choice" role="radiogroup" aria-label="Cloud">
      <legend className="visually-hidden">Cloud</legend>
      {CLOUDS.map((cloud) => (
        <label key={cloud} className={`cloud-option ${cloud === value ? 'is-checked' : ''}`}>
          <input
            type="radio"
            name="account-cloud"
            value={cloud}
            checked={cloud === value}
            data-autofocus={cloud === value || undefined}
            aria-describedby={`cloud-what-${cloud}`}
            onChange={() => onChange(cloud)}
          />
          <span className="cloud-option-name">{CLOUD_LABEL[cloud]}</span>
          <span id={`cloud-what-${cloud}`} className="cloud-option-what">
            {WHAT[cloud]}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
