import { AbstractControl, FormControl, FormGroup, Validators, type ValidationErrors } from '@angular/forms';
import { PASSWORD_MIN_LENGTH } from '@lava/contracts';

/** The password twice, checked as the API checks it: long enough, not the e-mail address, the same both times. */
export function newPasswordForm(email: () => string) {
  const notEmail = (control: AbstractControl<string>): ValidationErrors | null =>
    control.value && control.value.trim().toLowerCase() === email().trim().toLowerCase() ? { isEmail: true } : null;
  const form = new FormGroup({
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), notEmail],
    }),
    again: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  form.controls.again.addValidators((control) => (control.value !== form.controls.password.value ? { different: true } : null));
  form.controls.password.valueChanges.subscribe(() => form.controls.again.updateValueAndValidity({ emitEvent: false }));
  return form;
}

/** The translation key of the first problem with the password fields, or null. */
export function passwordProblem(form: ReturnType<typeof newPasswordForm>, field: 'password' | 'again'): string | null {
  const errors = form.controls[field].errors;
  if (!errors) return null;
  if (field === 'again') return errors['required'] ? 'newPassword.againRequired' : 'newPassword.different';
  if (errors['required'] || errors['minlength']) return 'newPassword.tooShort';
  return 'newPassword.isEmail';
}

export const MIN_LENGTH = PASSWORD_MIN_LENGTH;
