import { own } from '../own.js';
import {
  classifyError,
  hostErrorClasses,
  hostWordings,
  UNREPORTED_SCOPE_CODE,
  type ErrorClassification,
} from './errorCodes.js';

export interface ErrorDescription extends ErrorClassification {
  /** What the code means and when hosts send it. */
  meaning: string;
  /** Hosts known to send it. Empty for codes this library defines. */
  hosts: readonly string[];
}

const details: Record<string, readonly [meaning: string, hosts: readonly string[]]> = {
  '3': [
    'Unknown error or no authorization result. On Alipay (China) the Android back key closing the dialog also sends it.',
    ['DANA', 'Alipay+', 'Alipay (China)', 'AlipayHK'],
  ],
  '4': [
    'The mini program may not call this API; it often works in the IDE and fails on a device.',
    ['Alipay (China)'],
  ],
  '10': [
    'Empty data: the dialog was dismissed, the scopes were not accepted, or the app went to the background.',
    ['DANA', 'Alipay+', 'Alipay (China)'],
  ],
  '11': [
    'The user cancelled or refused the consent dialog.',
    ['DANA', 'GCash', 'Alipay+', 'Alipay (China)', 'AlipayHK', "Touch 'n Go", 'Qi'],
  ],
  '12': ['The host could not reach its servers.', ['Alipay (China)', 'AlipayHK']],
  '13': ['The host timed out while authorizing.', ['AlipayHK']],
  '14': ['The user did not answer the consent dialog in time.', ['AlipayHK']],
  '15': ['The host failed internally.', ['AlipayHK']],
  '101': ['The account has not completed electronic KYC, which the requested scopes need.', ['AlipayHK']],
  '1000': ['Unknown error.', ['Alipay+']],
  '1001': ['The user cancelled the consent dialog.', ['Alipay+']],
  '1005': ['The host failed internally.', ['Alipay+']],
  '40006': ['Per-scope code: the scope was not granted (the hosts do not document why).', ['DANA', 'GCash']],
  '10001': ['Per-scope code: the scope was not granted (the hosts do not document why).', ['M-Pesa']],
  [UNREPORTED_SCOPE_CODE]: [
    "Per-scope code set by this library: the host's answer listed other scopes as granted and said nothing of this one.",
    [],
  ],
};

/** The meaning and classification of a host error code; codes outside the catalogue read as unknown. */
export function describeError(code: string | number): ErrorDescription {
  const classification = classifyError(code);
  const [meaning, hosts] = own(details, classification.code) ?? ['A code outside the catalogue.', []];
  // The catalogue is documentation an app opted into: the host's wording in every build.
  const message = own(hostWordings, classification.code) ?? classification.message;
  return { ...classification, message, meaning, hosts };
}

/** Every error code seen across the Alipay+ family of hosts, with its meaning and classification. */
export const errorCatalogue: Readonly<Record<string, ErrorDescription>> = Object.fromEntries(
  Object.keys(hostErrorClasses).map((code) => [code, describeError(code)]),
);
