import { HostBadge } from './HostBadge';

export function Header() {
  return (
    <header className="app-bar">
      <div className="brand">
        <span className="brand__logo" aria-hidden="true">
          ac
        </span>
        <div>
          <h1 className="brand__name">authcode</h1>
          <p className="brand__framework">Next.js example</p>
        </div>
      </div>
      <HostBadge />
    </header>
  );
}
