import { CheckboxChoices } from '../form/checkbox-choices';
import { FormFooter, type CloudFormProps } from '../form/form-footer';
import { splitList } from '../form/form-text';
import { StorageFields } from '../form/storage-fields';
import { NameField, TextField } from '../form/text-field';
import { useCloudForm } from '../form/use-cloud-form';
import {
  AZURE_FIELDS,
  AZURE_LOCATIONS,
  AZURE_PUBLISHERS,
  AzureFormSchema,
  emptyAzureForm,
} from './azure-form-schema';

const GUID = '00000000-0000-0000-0000-000000000000';

/** Azure: a service principal in a tenant, one subscription, and which images to cache where. */
export function AzureAccountForm({ keychain, onCancel, onSaved }: CloudFormProps) {
  const { form, formIssue, testConnection, onSubmit, check, saveError } = useCloudForm({
    schema: AzureFormSchema,
    defaults: emptyAzureForm(keychain.available),
    fields: AZURE_FIELDS,
    onSaved,
  });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-label="Azure account">
      <div className="form-columns">
        <div className="form-column">
          <NameField registration={register('name')} error={errors.name?.message} />
          <TextField
            id="azure-tenant-id"
            label="Tenant id"
            mono
            placeholder={GUID}
            hint="The directory (tenant) id of the app registration."
            registration={register('tenantId')}
            error={errors.tenantId?.message}
          />
          <TextField
            id="azure-client-id"
            label="Client id"
            mono
            placeholder={GUID}
            hint="The application (client) id of the service principal."
            registration={register('clientId')}
            error={errors.clientId?.message}
          />
          <TextField
            id="azure-client-secret"
            label="Client secret"
            type="password"
            mono
            registration={register('clientSecret')}
            error={errors.clientSecret?.message}
          />
          <TextField
            id="azure-subscription-id"
            label="Subscription id"
            mono
            placeholder={GUID}
            registration={register('subscriptionId')}
            error={errors.subscriptionId?.message}
          />
          <TextField
            id="azure-endpoint"
            label="Resource Manager endpoint (optional)"
            type="url"
            hint="Leave empty for Azure public cloud; set it for a sovereign cloud or a stand-in."
            registration={register('endpoint')}
            error={errors.endpoint?.message}
          />
          <TextField
            id="azure-authority-host"
            label="Authority host (optional)"
            type="url"
            hint="Leave empty for https://login.microsoftonline.com."
            registration={register('authorityHost')}
            error={errors.authorityHost?.message}
          />
          <StorageFields registration={register('storage')} keychain={keychain} />
        </div>
        <div className="form-column">
          <CheckboxChoices
            id="azure-locations"
            legend="Locations"
            choices={AZURE_LOCATIONS}
            registration={register('locations')}
            error={errors.locations?.message}
            other={{
              label: 'Other locations',
              hint: 'Comma separated, for example swedencentral, canadacentral.',
              registration: register('otherLocations'),
              error: errors.otherLocations?.message,
            }}
          />
          <CheckboxChoices
            id="azure-publishers"
            legend="Marketplace publishers"
            hint="Listing walks publishers, offers, SKUs and versions per location: fewer publishers sync faster."
            choices={AZURE_PUBLISHERS}
            registration={register('publishers')}
            error={errors.publishers?.message}
            other={{
              label: 'Other publishers',
              hint: 'Comma separated, for example Oracle, OpenLogic.',
              registration: register('otherPublishers'),
              error: errors.otherPublishers?.message,
            }}
          />
          <fieldset className="form-group">
            <legend>Your own images</legend>
            <label className="checkbox">
              <input type="checkbox" {...register('includeManagedImages')} />
              Include managed images
            </label>
            <label className="checkbox">
              <input type="checkbox" {...register('includeGalleries')} />
              Include Compute Gallery images
            </label>
          </fieldset>
        </div>
      </div>
      <FormFooter
        cloud="azure"
        check={check}
        saveError={saveError}
        formIssue={formIssue}
        submitting={isSubmitting}
        onCancel={onCancel}
        onTest={() =>
          void testConnection(
            (values) => values.locations[0] ?? splitList(values.otherLocations)[0] ?? values.subscriptionId,
          )
        }
      />
    </form>
  );
}
