import Link from 'next/link';
import { AuthorizeSection } from './AuthorizeSection';
import { ScopeList } from './ScopeList';

/** A Server Component: the scope list is plain HTML; the flow's part is a Client Component. */
export default function HomePage() {
  return (
    <main className="content">
      <ScopeList />
      <AuthorizeSection />
      <p className="card__hint">
        <Link href="/about" data-testid="nav-about">
          About this example
        </Link>
      </p>
    </main>
  );
}
