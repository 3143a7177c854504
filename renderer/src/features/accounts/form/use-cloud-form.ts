import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Account } from '@contract/index';
import type { AccountFormRequest } from './account-form-request';
import { unmappedIssue } from './form-text';
import { draftOf, useDraftActions, type AccountFormSchema } from './use-draft-actions';

interface CloudFormOptions<Values extends FieldValues & { name: string }> {
  schema: AccountFormSchema<Values>;
  defaults: Values;
  /** Every field the form renders; "name" and "storage" are left out of a connection test. */
  fields: readonly Path<Values>[];
  onSaved: (account: Account) => void;
}

/**
 * One cloud's form: react-hook-form on the cloud's schema, plus Test connection (a draft) and
 * Save (the add request). The form is reset once saved, so no secret outlives the dialog.
 */
export function useCloudForm<Values extends FieldValues & { name: string }>(
  options: CloudFormOptions<Values>,
) {
  const { schema, defaults, fields, onSaved } = options;
  const form = useForm<Values, unknown, AccountFormRequest>({
    resolver: zodResolver(schema),
    defaultValues: defaults as DefaultValues<Values>,
    // Validate on submit, then live on change. Not on blur: an error appearing as focus leaves a
    // field shifts the layout under the pointer, and the click on "Save account" would miss.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const actions = useDraftActions(onSaved);
  const [formIssue, setFormIssue] = useState<string | null>(null);
  const testFields = fields.filter((field) => field !== 'name' && field !== 'storage');

  /** `target` names what the test asks (a region, a project, a vCenter) for the result line. */
  const testConnection = async (target: (values: Values) => string) => {
    setFormIssue(null);
    const values = form.getValues();
    const draft = await draftOf(schema, values, () => form.trigger(testFields));
    if (draft) await actions.test(draft, target(values));
  };

  const onSubmit = form.handleSubmit(
    async (request) => {
      setFormIssue(null);
      if (await actions.save(request)) form.reset(defaults);
    },
    (errors) => setFormIssue(unmappedIssue(errors, fields)),
  );

  return { form, formIssue, testConnection, onSubmit, ...actions };
}
