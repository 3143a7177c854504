import { FormFooter, type CloudFormProps } from '../form/form-footer';
import { StorageFields } from '../form/storage-fields';
import { NameField, TextField } from '../form/text-field';
import { useCloudForm } from '../form/use-cloud-form';
import { emptyVmwareForm, normalizeFingerprint, VMWARE_FIELDS, VmwareFormSchema } from './vmware-form-schema';

/**
 * VMware vCenter. Many vCenters use a self-signed certificate: the test then reports its
 * fingerprint, and "Trust this certificate" pins exactly that one in the connection and retests.
 */
export function VmwareAccountForm({ keychain, onCancel, onSaved }: CloudFormProps) {
  const { form, formIssue, testConnection, onSubmit, check, saveError } = useCloudForm({
    schema: VmwareFormSchema,
    defaults: emptyVmwareForm(keychain.available),
    fields: VMWARE_FIELDS,
    onSaved,
  });
  const { register, formState, watch, setValue } = form;
  const { errors, isSubmitting } = formState;
  const pinned = watch('trustedCertFingerprint');
  const test = () => void testConnection((values) => values.url || 'vCenter');

  const trust = (fingerprint: string) => {
    setValue('trustedCertFingerprint', normalizeFingerprint(fingerprint), { shouldDirty: true });
    test();
  };

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-label="VMware account">
      <div className="form-columns">
        <div className="form-column">
          <NameField registration={register('name')} error={errors.name?.message} />
          <TextField
            id="vmware-url"
            label="vCenter URL"
            type="url"
            hint="For example https://vcenter.example.com."
            registration={register('url')}
            error={errors.url?.message}
          />
          <TextField
            id="vmware-username"
            label="Username"
            hint="For example administrator@vsphere.local."
            registration={register('username')}
            error={errors.username?.message}
          />
          <TextField
            id="vmware-password"
            label="Password"
            type="password"
            registration={register('password')}
            error={errors.password?.message}
          />
        </div>
        <div className="form-column">
          <fieldset className="form-group">
            <legend>Certificate</legend>
            {pinned ? (
              <>
                <p>
                  Trusting the certificate with SHA-256 fingerprint{' '}
                  <code className="selectable fingerprint-value">{pinned}</code>
                </p>
                <button
                  type="button"
                  className="button-small"
                  onClick={() => setValue('trustedCertFingerprint', '', { shouldDirty: true })}
                >
                  Forget this certificate
                </button>
              </>
            ) : (
              <p className="field-hint">
                Certificates signed by an authority this computer trusts just work. For a self-signed one,
                Test connection shows its fingerprint and offers to trust it.
              </p>
            )}
            {errors.trustedCertFingerprint?.message && (
              <p className="field-error">{errors.trustedCertFingerprint.message}</p>
            )}
          </fieldset>
          <StorageFields registration={register('storage')} keychain={keychain} />
        </div>
      </div>
      <FormFooter
        cloud="vmware"
        check={check}
        saveError={saveError}
        formIssue={formIssue}
        submitting={isSubmitting}
        onCancel={onCancel}
        onTest={test}
        onTrust={trust}
      />
    </form>
  );
}
