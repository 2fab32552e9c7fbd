/**
 * TEST-ONLY key material for the Alipay+ signing known-answer test. This key signs nothing real,
 * is published on purpose and must never be used outside tests.
 *
 * The expected signature was computed with the OpenSSL command line (an implementation independent
 * of node:crypto's call sites under test):
 *
 *   printf 'POST /aps/api/v1/payments/pay\nTEST_5X00000000000000.2019-05-28T12:12:12+08:00.<body>' > content.txt
 *   openssl dgst -sha256 -sign TEST_ONLY_PRIVATE_KEY.pem -out sig.bin content.txt && base64 -w0 sig.bin
 *
 * with `<body>` = TEST_ONLY_KAT_BODY below (the docs' sample request body, minified).
 */

export const TEST_ONLY_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCnRS3j7nKXyqOg
vkBFCfNsYJ7HPf3lWw9quz5EC2KVsUg2k5JOsjJzIz2iKDP+0XST9kSSfjZZa9ar
o4gVDVQ9l8Y9efqWlmy/rdMHE5rJlio/x9odpTybxbUjT3/mPlrY57Xdb/MiL5Ni
Tv2R4aeD2vAFMmbM+EGxX0Fuu+ANh0lONyd5RK3oZ0S3e52+fq8od6Fpj02+vRlz
zIkmZ91mioSx9UtMLZBv777bzdwdKlYOjM9OlbbQV7dpo0vwc4YodSoJvWh4FcLE
nPU6M34IK8Y4Zlk/VPVy1sMf/ZfwrI2n/GEUhB5XX/MySHMqvXjQPSjk6cbmUifc
Nib6QaEtAgMBAAECggEABomoKQP9W5xyd8pn1ar1ZjOCkTQFk+zSte+6l8tAH6yt
r2BmNAg3+5MRiiB7I8cJAO17saQYOLeDzPKX04bRV5TyjR2S40be2kEPgfPMtXtW
jGahyk3WiBoaodYuIBAo2dh4nb6N6LSmVI3U0FpbA0bP4cweA33ih227L3pNYAns
8KUbtV/4D6yXr6INP7xU5oRBuCJDP/xRrd4jyzbfCIBySb5vgpkQspE+mnC1ft3h
fzTMZz/rcJJYvmg1/IixKwAlZnaRPRgKF/LrYMktjG5ODnQ2xzPb+520JeQzcCQg
sCLbYOeLf3OdhVZF34fISJZbvy69yfMJvMhGs6TccQKBgQDRk24EmlBxYkRd7AaD
aq8OPW4ZRzqiJLslufz7AUvkQBsOvV3kqXHDG4SViVCiy9a/TpWZz8iLLfKBzStk
66JYE+eW5NMEc8EYyvx77AA0+K0ozpBHprw4z9w5OnjAjYlwNZbdSGkKkTPIPgDs
qLgHnLCk7/Y61jRhB15d26TqqQKBgQDMUrEdbQDJE8m3v/C+ALOhogOpYCV1qIrO
Ldxhr4L89ep1r8Jme3/B+SC86tGUtOFrXdf3YHymEECZbWaF84Jn7Vg3SX9VTzWD
cueMrHCEHXN5AkUUmkgqX/MEQ+2/N5spadjYhYE6JuePjM+GU+H7SJKHTQA+Fu38
awDpwij45QKBgQCrNipXEEpPltwLbtsTWYCRvZXIiOxZsnBBreQCm1iIq+Zu8D1Y
pSUPI9f44ilCFgzmVSjac2l+apcHe7nLxMTn97rnByFtLbO+sXX7Nx4kKFQuVjKA
lrKGJynehupHRFnXlbAeLx3BSEZpfF38+Qj/Dv8wf+lEv+IisoZhXyMnoQKBgQCG
hXrusLFvsYOBYvGRZszdgdl/TjnbeRfKHw+VkQRgn1e6G/mVl4HJp8gSGVfa3Cv9
kE98Ix5uBw1A9nIlhuk4m18VJ2KaPAgzfxdL2sxJb0pzRTdOFTWmEH3jNQX2exnA
7ltCUsN+Edcq/74x5lBGLMWsJtoeBuKw6ZI0VQy8sQKBgQCU+TQu49aDrFNVINLa
3QtkG1N+37A0tKmbzNE/0AUaCuq0cOxUSAHiH3o6C6tNA+zz/D+/1mCAcyCIVOe9
pCtVdduX3qneNsz8duZW0vTmonKJDOdRt1EiDbu/fIoY1SI4grRR3ldGukmH5LLW
2cPkeTs+J7lmHDlJfc9DOeRvkg==
-----END PRIVATE KEY-----
`;

export const TEST_ONLY_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp0Ut4+5yl8qjoL5ARQnz
bGCexz395VsPars+RAtilbFINpOSTrIycyM9oigz/tF0k/ZEkn42WWvWq6OIFQ1U
PZfGPXn6lpZsv63TBxOayZYqP8faHaU8m8W1I09/5j5a2Oe13W/zIi+TYk79keGn
g9rwBTJmzPhBsV9BbrvgDYdJTjcneUSt6GdEt3udvn6vKHehaY9Nvr0Zc8yJJmfd
ZoqEsfVLTC2Qb+++283cHSpWDozPTpW20Fe3aaNL8HOGKHUqCb1oeBXCxJz1OjN+
CCvGOGZZP1T1ctbDH/2X8KyNp/xhFIQeV1/zMkhzKr140D0o5OnG5lIn3DYm+kGh
LQIDAQAB
-----END PUBLIC KEY-----
`;

export const TEST_ONLY_KAT_BODY =
  '{"order":{"orderId":"OrderID_0101010101","orderDescription":"sample_order","orderAmount":{"value":"100","currency":"JPY"}},"paymentAmount":{"value":"100","currency":"JPY"},"paymentFactor":{"isInStorePayment":"true"}}';

/** base64 RSASSA-PKCS1-v1_5/SHA-256 of the docs example, by `openssl dgst -sha256 -sign`. */
export const TEST_ONLY_KAT_SIGNATURE =
  'C9uODC62UsgOpjXffMEuKpw2rxbyBjn2GE/5pLnvH+Yw9eU8GMW/l4XHUXY+D0a4oOHqmfGigK42nLhb/JODhroPUr+W/WNv3y3HwbCFQCNmZItY0+V4LSDfBC24iSlZpzoz+l289vHiq/NCYFaNFQYv6D8+xNIqMRUNK+8ZGCdniZK2/1OCjSZ1b5PF9zV0sm3w3YO8FYM3RSNc/zlQitXRnNYvFahE0lQtCjq+u27L0VS55EuiP5cpeiH/hNMb9gEBHb5/PfBjPKsOb6fjyjo1C9urwk4Su81EA2ukz3kMmCUFR1u2zBy9CqBnUu4jbfWSYBxfy4WBgrhu/KjwFw==';
