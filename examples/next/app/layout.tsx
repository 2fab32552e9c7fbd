import '@authcode/example-shared/styles.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AuthCodeRoot } from './AuthCodeRoot';
import { Header } from './Header';

// Rendered on every request, as an app with sessions or cookies is: the tests then prove that each
// server render shows the idle view and never reads the host.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'authcode · Next.js example',
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%231463ff'/%3E%3C/svg%3E",
  },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#f2f4f8',
};

/**
 * The root layout is a Server Component: it renders the page's frame and hands the flow to
 * `<AuthCodeRoot>`, a Client Component, because a provider holds state. The layout stays mounted
 * across client-side navigations, so every route below shares one flow.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <div className="page">
          <Header />
          <AuthCodeRoot>{children}</AuthCodeRoot>
          <footer className="footer">Auth codes are only ever shown masked.</footer>
        </div>
      </body>
    </html>
  );
}
