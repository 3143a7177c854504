import { CheckboxChoices } from '../form/checkbox-choices';
import { FormFooter, type CloudFormProps } from '../form/form-footer';
import { StorageFields } from '../form/storage-fields';
import { NameField, TextField } from '../form/text-field';
import { useCloudForm } from '../form/use-cloud-form';
import { GcpCredentialFields } from './gcp-credential-fields';
import { emptyGcpForm, GCP_FIELDS, GCP_IMAGE_PROJECTS, GcpFormSchema } from './gcp-form-schema';

/** Google Cloud: a project, the public image projects to cache, and a key or token. */
export function GcpAccountForm({ keychain, onCancel, onSaved }: CloudFormProps) {
  const { form, formIssue, testConnection, onSubmit, check, saveError } = useCloudForm({
    schema: GcpFormSchema,
    defaults: emptyGcpForm(keychain.available),
    fields: GCP_FIELDS,
    onSaved,
  });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-label="Google Cloud account">
      <div className="form-columns">
        <div className="form-column">
          <NameField registration={register('name')} error={errors.name?.message} />
          <TextField
            id="gcp-project-id"
            label="Project id"
            mono
            hint="The project whose own images are cached, for example my-project-123."
            registration={register('projectId')}
            error={errors.projectId?.message}
          />
          <GcpCredentialFields form={form} />
          <TextField
            id="gcp-endpoint"
            label="Custom endpoint URL (optional)"
            type="url"
            hint="Leave empty for Google Cloud itself; set it for a stand-in or a private endpoint."
            registration={register('endpoint')}
            error={errors.endpoint?.message}
          />
          <StorageFields registration={register('storage')} keychain={keychain} />
        </div>
        <div className="form-column">
          <CheckboxChoices
            id="gcp-image-projects"
            legend="Public image projects"
            hint="Images are global: one copy serves every region."
            choices={GCP_IMAGE_PROJECTS}
            registration={register('imageProjects')}
            error={errors.imageProjects?.message}
            other={{
              label: 'Other image projects',
              hint: 'Project ids, comma separated, for example ubuntu-os-pro-cloud.',
              registration: register('otherImageProjects'),
              error: errors.otherImageProjects?.message,
            }}
          />
        </div>
      </div>
      <FormFooter
        cloud="gcp"
        check={check}
        saveError={saveError}
        formIssue={formIssue}
        submitting={isSubmitting}
        onCancel={onCancel}
        onTest={() => void testConnection((values) => values.projectId)}
      />
    </form>
  );
}
