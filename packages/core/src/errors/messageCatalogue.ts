import { own } from '../own.js';
import { messageTemplates, type MessageFacts, type MessageId } from './messages.js';

export type { MessageId } from './messages.js';

/** What a production message (`bad-scope: scopes[2] ""`) stands for. */
export interface MessageDescription {
  id: MessageId;
  /** The facts the message names after its id, in order. */
  facts: readonly string[];
  /** The development message, each fact shown as `<fact>`. */
  explanation: string;
}

// Placeholders in the shape of each message's facts: a list is a list of one.
const placeholders: { readonly [Id in MessageId]: MessageFacts[Id] } = {
  'no-scopes': [],
  'not-a-list': ['<option>', '<value>'],
  'bad-scope': ['<option>[<index>]', '<value>'],
  'empty-scopes': [],
  'required-not-requested': [['<required scopes not requested>'], ['<requested scopes>']],
  'bad-duration': ['<option>', '<value>'],
  'bad-exchange': ['<value>'],
  'unreadable-request': [],
  'unreadable-input': ['<reason>'],
  'no-host': [],
  'bad-host': [],
  'host-threw': ['<reason>'],
  'scopes-denied': ['<scope> (<code>), …'],
  'required-denied': ['<scope> (<code>), …'],
  'empty-answer': ['<callback>', '<payload shape>'],
  'host-timeout': ['<timeoutMs> ms'],
  'exchange-failed': ['<reason>'],
  'exchange-timeout': ['<exchangeTimeoutMs> ms'],
  'code-expired': [],
  'unreadable-reason': [],
};

function describe<Id extends MessageId>(id: Id): MessageDescription {
  const facts = placeholders[id];
  const template = messageTemplates[id] as (...facts: MessageFacts[Id]) => string;
  return { id, facts: facts.map(String), explanation: template(...facts) };
}

/** Every message the core writes, by id: production builds say `<id>: <facts>`, this spells it out. */
export const messageCatalogue: Readonly<Record<MessageId, MessageDescription>> = Object.fromEntries(
  (Object.keys(placeholders) as MessageId[]).map((id) => [id, describe(id)]),
) as Record<MessageId, MessageDescription>;

/**
 * What a production message means: `describeMessage('bad-scope: scopes[2] ""')` (or its id alone).
 * `undefined` for any other text, such as a host's own `errorMessage` or `Host error 11: declined`
 * (see `describeError` for host codes).
 */
export function describeMessage(message: string): MessageDescription | undefined {
  return own(messageCatalogue, message.split(':')[0]!);
}
