import { listScopeCodes } from '@authcode/example-shared';

interface ScopeCodeListProps {
  codes: Readonly<Record<string, string>> | undefined;
  testId: string;
}

/** Scopes with the host's code for each, such as USER_CONTACTINFO_EMAIL · 40006. */
export function ScopeCodeList({ codes, testId }: ScopeCodeListProps) {
  return (
    <ul className="code-list" data-testid={testId}>
      {listScopeCodes(codes).map((row) => (
        <li key={row.scope} data-testid={`${testId}-${row.scope}`}>
          <code>{row.scope}</code>
          <span className="code-badge">{row.code}</span>
          <span className="code-list__meaning">{row.meaning}</span>
        </li>
      ))}
    </ul>
  );
}
