interface HeaderProps {
  framework: string;
  insideSuperApp: boolean;
}

export function Header({ framework, insideSuperApp }: HeaderProps) {
  return (
    <header className="app-bar">
      <div className="brand">
        <span className="brand__logo" aria-hidden="true">
          ac
        </span>
        <div>
          <h1 className="brand__name">authcode</h1>
          <p className="brand__framework">{framework} example</p>
        </div>
      </div>
      <span className={insideSuperApp ? 'badge badge--live' : 'badge'} data-testid="host-badge">
        {insideSuperApp ? 'Super-app host' : 'Simulated host'}
      </span>
    </header>
  );
}
