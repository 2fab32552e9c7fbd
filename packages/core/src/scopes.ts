import { own } from './own.js';

/**
 * The scopes of the DANA `my.getAuthCode` specification, with what each one authorizes.
 * Other hosts accept other names; see `Scope`.
 */
export const scopeCatalogue = {
  USER_LOGIN_ID: "Authorized to obtain users' phone numbers",
  KYC_INFO: "Authorized to obtain users' KYC information",
  USER_CONTACTINFO_EMAIL: "Authorized to obtain users' email information",
  USER_BIOLOGICAL_MOTHER_NAME: "Authorized to obtain users' biological mother's name information",
  USER_EDUCATION_LEVEL: "Authorized to obtain users' education level information",
  USER_OCCUPATION: "Authorized to obtain users' occupation information",
  USER_MONTHLY_INCOME: "Authorized to obtain users' monthly income information",
  USER_INCOME_SOURCE: "Authorized to obtain users' source of income information",
  INVESTMENT_PURPOSE: "Authorized to obtain users' purpose of investment information",
  USER_INVESTING_EXPERIENCE: "Authorized to obtain users' investing experience information",
  USER_POSTAL_CODE: "Authorized to obtain users' address postal code information",
  USER_OFFICE_NAME: "Authorized to obtain users' office name information",
  EMPLOYER_BIZ_CTG: "Authorized to obtain users' employer business category information",
  USER_JOB: "Authorized to obtain users' job status information",
  USER_WORKING_EXPERIENCE: "Authorized to obtain users' working experience information",
  USER_OFFICE_ADDRESS: "Authorized to obtain users' office address information",
  USER_OFFICE_PROVINCE: "Authorized to obtain users' office province information",
  USER_OFFICE_REGENCY: "Authorized to obtain users' office regency information",
  USER_OFFICE_DISTRICT: "Authorized to obtain users' office district information",
  USER_OFFICE_VILLAGE: "Authorized to obtain users' office village information",
  USER_OFFICE_POSTAL_CODE: "Authorized to obtain users' office postal code information",
  USER_BANK_NAME: "Authorized to obtain users' bank name information",
  USER_BANK_ACCOUNT_NUMBER: "Authorized to obtain users' bank account number information",
  USER_ACCOUNT_HOLDER_NAME: "Authorized to obtain users' account holder name information",
  SUBSCRIPTION:
    'Authorized to enable users to use the Subscription with Static Amount - Mini Program solution',
} as const;

export type KnownScope = keyof typeof scopeCatalogue;

/** The 25 known scope names, in the order of the specification. */
export const knownScopes = Object.keys(scopeCatalogue) as KnownScope[];

/** What a scope authorizes, or `undefined` for a scope outside the catalogue. */
export function describeScope(scope: string): string | undefined {
  return own<string>(scopeCatalogue, scope);
}
