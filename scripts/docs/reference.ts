import type { AuthCodeErrorKind } from '../../packages/core/src/index.ts';
import type { ErrorDescription, MessageDescription } from '../../packages/core/src/catalogue.ts';
import { code, renderTable } from './markdown.ts';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The generated part of `docs/reference/scopes.md`: every scope of the catalogue with what it authorizes. */
export function renderScopeReference(catalogue: Readonly<Record<string, string>>): string {
  const entries = Object.entries(catalogue);
  return [
    `The catalogue holds ${entries.length} scopes, in the order of the specification.`,
    '',
    renderTable(
      ['Scope', 'Authorizes'],
      entries.map(([scope, description]) => [code(scope), description]),
    ),
  ].join('\n');
}

/** When a kind of `AuthCodeError` happens; written by hand, one entry per kind (the type checks that). */
export interface ErrorKindNote {
  when: string;
  /** Replaces the kind's default `retryable` in the table when it depends on more than the kind. */
  retryable?: string;
}

export const errorKindNotes = {
  'invalid-request':
    'The request is invalid: no scopes, an empty list, a scope that is not a non-empty string or has surrounding whitespace, a `required` scope that was not requested, a bad `timeoutMs`, `codeLifetimeMs`, `exchangeTimeoutMs` or `exchange`, or a request that threw when read. The host is not called.',
  unavailable:
    'No host: no global `my` with a `getAuthCode` function, and no `host` in the input (or one without `getAuthCode`).',
  declined:
    "The host's `fail` sent a user-cancel code (`11`, `1001`): the user closed or refused the consent sheet.",
  host: {
    when: "The host's `fail` sent any other error code, or `getAuthCode` threw (the thrown error is the `cause`).",
    retryable: "the code's `retryable` above; yes for a throw",
  },
  scope:
    'A required scope was not granted. `error.scopes` maps each missing or denied scope to its code; no auth code is kept.',
  timeout: 'The host did not answer within `timeoutMs`; its late answer is dropped.',
  'invalid-response':
    'The host answered without an auth code and without any error (for example `success({})`, a malformed payload, or one that threw when read).',
  exchange:
    'Your `exchange` function rejected (the rejection is the `cause`, with the code masked out of its message when it mentioned it). The code is spent, so RETRY asks the host for a new one.',
  'exchange-timeout':
    'Your `exchange` did not settle within `exchangeTimeoutMs`: its signal was aborted with this error as the reason. The code is spent, so RETRY asks the host for a new one.',
  expired:
    'The code was not exchanged within `codeLifetimeMs` and was dropped from memory, or the flow was restored from a persisted snapshot (which never holds the code). RETRY asks the host for a new one.',
} satisfies Record<AuthCodeErrorKind, string | ErrorKindNote>;

export interface ErrorSources {
  errorCatalogue: Readonly<Record<string, unknown>>;
  describeError: (code: string) => ErrorDescription;
  /** Makes an error of a kind with default options: where the kind's default `retryable` comes from. */
  createError: (kind: AuthCodeErrorKind) => { retryable: boolean };
  kindNotes: Readonly<Record<AuthCodeErrorKind, string | ErrorKindNote>>;
  messageCatalogue: Readonly<Record<string, MessageDescription>>;
}

function renderCodesTable({ errorCatalogue, describeError }: ErrorSources): string {
  return renderTable(
    ['Code', 'Message', 'Meaning', 'Class', 'Retryable', 'Hosts'],
    Object.keys(errorCatalogue).map((key) => {
      const description = describeError(key);
      return [
        code(description.code),
        description.message,
        description.meaning,
        code(description.class),
        yesNo(description.retryable),
        description.hosts.length > 0 ? description.hosts.join(', ') : 'set by this library',
      ];
    }),
  );
}

function renderOtherCode({ describeError }: ErrorSources): string {
  const other = describeError('N');
  return `Any other code \`N\` reads as message "${other.message}", class \`${other.class}\`, retryable ${yesNo(other.retryable)}, with \`known: ${other.known}\`.`;
}

function renderKindsTable({ createError, kindNotes }: ErrorSources): string {
  return renderTable(
    ['Kind', 'When', 'Retryable'],
    (Object.entries(kindNotes) as [AuthCodeErrorKind, string | ErrorKindNote][]).map(([kind, note]) => {
      const { when, retryable } = typeof note === 'string' ? { when: note, retryable: undefined } : note;
      return [code(kind), when, retryable ?? yesNo(createError(kind).retryable)];
    }),
  );
}

/** Markdown of a message: `<fact>` placeholders outside code spans escaped, so they do not read as HTML. */
const messageMarkdown = (text: string) =>
  text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('`');

function renderMessagesTable({ messageCatalogue }: ErrorSources): string {
  return renderTable(
    ['Id', 'Names', 'Development message'],
    Object.values(messageCatalogue).map(({ id, facts, explanation }) => [
      code(id),
      facts.length > 0 ? facts.map(code).join(' ') : '',
      messageMarkdown(explanation),
    ]),
  );
}

/**
 * The generated part of `docs/reference/errors.md`: the host error codes, the kinds of
 * `AuthCodeError`, then the ids of production messages.
 */
export function renderErrorReference(sources: ErrorSources): string {
  return [
    '### Host error codes',
    '',
    renderCodesTable(sources),
    '',
    renderOtherCode(sources),
    '',
    '### `AuthCodeError` kinds',
    '',
    renderKindsTable(sources),
    '',
    '### Production messages',
    '',
    'Each id of `messageCatalogue`, the facts a production message names after it (`<id>: <facts>`, separated by spaces), and the development message it stands for.',
    '',
    renderMessagesTable(sources),
  ].join('\n');
}
