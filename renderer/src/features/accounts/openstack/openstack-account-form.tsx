import { describedBy, FormField } from '../../../components/form-field';
import { FormFooter, type CloudFormProps } from '../form/form-footer';
import { StorageFields } from '../form/storage-fields';
import { NameField, TextField } from '../form/text-field';
import { useCloudForm } from '../form/use-cloud-form';
import { emptyOpenStackForm, OPENSTACK_FIELDS, OpenStackFormSchema } from './openstack-form-schema';

/** OpenStack: Keystone v3 with a password or an application credential, one region. */
export function OpenStackAccountForm({ keychain, onCancel, onSaved }: CloudFormProps) {
  const { form, formIssue, testConnection, onSubmit, check, saveError } = useCloudForm({
    schema: OpenStackFormSchema,
    defaults: emptyOpenStackForm(keychain.available),
    fields: OPENSTACK_FIELDS,
    onSaved,
  });
  const { register, formState, watch } = form;
  const { errors, isSubmitting } = formState;
  const authType = watch('authType');

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-label="OpenStack account">
      <div className="form-columns">
        <div className="form-column">
          <NameField registration={register('name')} error={errors.name?.message} />
          <TextField
            id="openstack-auth-url"
            label="Auth URL"
            type="url"
            hint="Keystone v3, for example https://keystone.example.com:5000/v3."
            registration={register('authUrl')}
            error={errors.authUrl?.message}
          />
          <TextField
            id="openstack-region"
            label="Region"
            hint="RegionOne when the cloud names no other."
            registration={register('region')}
            error={errors.region?.message}
          />
          <FormField id="openstack-interface" label="Interface" error={errors.interface?.message}>
            <select
              id="openstack-interface"
              aria-describedby={describedBy('openstack-interface', false, errors.interface?.message)}
              {...register('interface')}
            >
              <option value="public">public</option>
              <option value="internal">internal</option>
              <option value="admin">admin</option>
            </select>
          </FormField>
          <StorageFields registration={register('storage')} keychain={keychain} />
        </div>
        <div className="form-column">
          <fieldset className="form-group">
            <legend>Authentication</legend>
            <div className="radio-row" role="radiogroup" aria-label="Authentication type">
              <label className="checkbox">
                <input type="radio" value="password" {...register('authType')} />
                User and password
              </label>
              <label className="checkbox">
                <input type="radio" value="application-credential" {...register('authType')} />
                Application credential
              </label>
            </div>
            {authType === 'password' ? (
              <>
                <TextField
                  id="openstack-username"
                  label="Username"
                  registration={register('username')}
                  error={errors.username?.message}
                />
                <TextField
                  id="openstack-user-domain"
                  label="User domain"
                  hint="Default unless your cloud uses another domain."
                  registration={register('userDomainName')}
                  error={errors.userDomainName?.message}
                />
                <TextField
                  id="openstack-project"
                  label="Project"
                  registration={register('projectName')}
                  error={errors.projectName?.message}
                />
                <TextField
                  id="openstack-project-domain"
                  label="Project domain"
                  registration={register('projectDomainName')}
                  error={errors.projectDomainName?.message}
                />
                <TextField
                  id="openstack-password"
                  label="Password"
                  type="password"
                  registration={register('password')}
                  error={errors.password?.message}
                />
              </>
            ) : (
              <>
                <TextField
                  id="openstack-app-credential-id"
                  label="Application credential id"
                  mono
                  registration={register('applicationCredentialId')}
                  error={errors.applicationCredentialId?.message}
                />
                <TextField
                  id="openstack-app-credential-secret"
                  label="Application credential secret"
                  type="password"
                  registration={register('applicationCredentialSecret')}
                  error={errors.applicationCredentialSecret?.message}
                />
              </>
            )}
          </fieldset>
        </div>
      </div>
      <FormFooter
        cloud="openstack"
        check={check}
        saveError={saveError}
        formIssue={formIssue}
        submitting={isSubmitting}
        onCancel={onCancel}
        onTest={() => void testConnection((values) => values.region || 'RegionOne')}
      />
    </form>
  );
}
