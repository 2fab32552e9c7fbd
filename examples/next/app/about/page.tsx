import Link from 'next/link';

/** A second route: navigating here keeps the root layout, and so its flow, mounted. */
export default function AboutPage() {
  return (
    <main className="content">
      <section className="card" aria-labelledby="about-title" data-testid="about">
        <h2 id="about-title" className="card__title">
          About this example
        </h2>
        <p className="card__hint">
          The flow lives in the root layout, so it carries on while you are on this page: a consent given here
          shows on the first page when you go back.
        </p>
        <p className="card__hint">
          <Link href="/" data-testid="nav-home">
            Back to Authorize
          </Link>
        </p>
      </section>
    </main>
  );
}
