import { CheckboxChoices } from '../form/checkbox-choices';
import { FormFooter, type CloudFormProps } from '../form/form-footer';
import { splitList } from '../form/form-text';
import { StorageFields } from '../form/storage-fields';
import { NameField, TextField } from '../form/text-field';
import { useCloudForm } from '../form/use-cloud-form';
import { AWS_FIELDS, AWS_OWNERS, AWS_REGIONS, AwsFormSchema, emptyAwsForm } from './aws-form-schema';

/** AWS: an access key, the regions and image owners to cache. */
export function AwsAccountForm({ keychain, onCancel, onSaved }: CloudFormProps) {
  const { form, formIssue, testConnection, onSubmit, check, saveError } = useCloudForm({
    schema: AwsFormSchema,
    defaults: emptyAwsForm(keychain.available),
    fields: AWS_FIELDS,
    onSaved,
  });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-label="AWS account">
      <div className="form-columns">
        <div className="form-column">
          <NameField registration={register('name')} error={errors.name?.message} />
          <TextField
            id="account-access-key-id"
            label="Access key id"
            mono
            registration={register('accessKeyId')}
            error={errors.accessKeyId?.message}
          />
          <TextField
            id="account-secret"
            label="Secret access key"
            type="password"
            mono
            registration={register('secretAccessKey')}
            error={errors.secretAccessKey?.message}
          />
          <TextField
            id="account-session-token"
            label="Session token (optional)"
            type="password"
            hint="Only for temporary credentials (keys starting with ASIA)."
            registration={register('sessionToken')}
            error={errors.sessionToken?.message}
          />
          <TextField
            id="account-endpoint"
            label="Custom endpoint URL (optional)"
            type="url"
            hint="Leave empty for AWS itself; set it for a stand-in or a private endpoint."
            registration={register('endpoint')}
            error={errors.endpoint?.message}
          />
          <StorageFields registration={register('storage')} keychain={keychain} />
        </div>
        <div className="form-column">
          <CheckboxChoices
            id="account-regions"
            legend="Regions"
            choices={AWS_REGIONS}
            registration={register('regions')}
            error={errors.regions?.message}
            other={{
              label: 'Other regions',
              hint: 'Comma separated, for example ca-central-1, eu-north-1.',
              registration: register('otherRegions'),
              error: errors.otherRegions?.message,
            }}
          />
          <CheckboxChoices
            id="account-owners"
            legend="Owners to cache"
            hint="The account's own images are always cached. Add public publishers to browse theirs too."
            choices={AWS_OWNERS}
            registration={register('owners')}
            error={errors.owners?.message}
            other={{
              label: 'Other owner account ids',
              hint: '12-digit AWS account ids, comma separated.',
              registration: register('otherOwners'),
              error: errors.otherOwners?.message,
            }}
          />
        </div>
      </div>
      <FormFooter
        cloud="aws"
        check={check}
        saveError={saveError}
        formIssue={formIssue}
        submitting={isSubmitting}
        onCancel={onCancel}
        onTest={() =>
          void testConnection((values) => values.regions[0] ?? splitList(values.otherRegions)[0] ?? 'AWS')
        }
      />
    </form>
  );
}
