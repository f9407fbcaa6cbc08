import { ApiError } from './api';

/** Error messages keyed by the field they concern; `form` for those that concern no single field. */
export type Errors = Partial<Record<string, string>>;

/** Which form field each kind of problem belongs next to (the keys a form uses for its fields). */
export type FieldMap = Partial<Record<'password' | 'pin' | 'file' | 'address' | 'phrase' | 'name' | 'path' | 'newPassword', string>>;

const PASSWORD = new Set(['WrongPasswordError', 'UnableToDecryptError', 'PasswordRequiredError', 'BatchEntryLockedError']);
const PIN = new Set(['WrongPinError', 'PinLockedError']);
const FILE = new Set([
  'NotJsonError',
  'EmptyFileError',
  'TruncatedFileError',
  'UnknownFormatError',
  'CorruptFileError',
  'FileReadError',
  'FileTooLargeError',
  'FormatNotSupportedError',
  'MobileWalletExportError',
  'NotAnExportError',
  'KdfParamsTooLargeError',
  'UnsupportedKdfParamsError',
  'TooLarge',
  'AddressMismatchError',
  'InvalidKeyError',
  'UnknownKeyTypeError',
]);
const ADDRESS = new Set(['InvalidAddressError', 'WrongNetworkError', 'DuplicateAddressError', 'PathNotFoundError', 'AddressNotFoundError']);
const PHRASE = new Set(['MnemonicWordError', 'MnemonicChecksumError', 'MnemonicLengthError', 'InvalidSuriError', 'DuplicateAccountError']);

/**
 * Places an API error (its message ends with the next step in the browser's words, see ApiError)
 * next to the field it concerns: a wrong password by the password field, a
 * wrong PIN by the PIN field, a file problem by the file picker, a bad address by the address
 * field. Anything else goes to `form` (shown beside the submit button).
 */
export function errorsFrom(err: unknown, fields: FieldMap): Errors {
  const message = err instanceof Error ? err.message : String(err);
  const name = err instanceof ApiError ? err.name : '';
  const secret = fields.pin ?? fields.password;
  let key: string | undefined;
  if (name === 'TooManyAttempts') key = secret;
  else if (PIN.has(name)) key = fields.pin ?? fields.password;
  else if (PASSWORD.has(name)) key = fields.password ?? fields.pin;
  else if (FILE.has(name)) key = fields.file;
  else if (ADDRESS.has(name)) key = fields.address;
  else if (PHRASE.has(name)) key = fields.phrase;
  else if (name === 'InvalidPathError') key = fields.path;
  else if (name === 'DuplicateIdentityError') key = fields.name;
  else if (name === 'UsageError') key = usageField(message, fields);
  return { [key ?? 'form']: message };
}

/** A usage error names its field in words ("A PIN has at least 6 characters", "The field \"name\" is missing"). */
function usageField(message: string, fields: FieldMap): string | undefined {
  const quoted = /field "(\w+)"/.exec(message)?.[1];
  if (quoted !== undefined) {
    const map: Record<string, string | undefined> = {
      password: fields.password,
      pin: fields.pin,
      newPassword: fields.newPassword,
      name: fields.name,
      address: fields.address,
      suri: fields.phrase,
      mnemonic: fields.phrase,
      path: fields.path,
    };
    if (map[quoted] !== undefined) return map[quoted];
  }
  if (/\bPIN\b/.test(message)) return fields.pin ?? fields.password;
  if (/password/i.test(message)) return fields.password ?? fields.newPassword;
  if (/\bfile\b/i.test(message)) return fields.file;
  if (/\bpath\b/i.test(message)) return fields.path;
  if (/phrase|mnemonic/i.test(message)) return fields.phrase;
  if (/\baddress\b/i.test(message)) return fields.address;
  if (/\bname\b/i.test(message)) return fields.name;
  return undefined;
}
