import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountMenu } from "@/components/auth/AccountMenu";
import { SessionProviders } from "@/components/auth/SessionProviders";
import "./globals.css";
import styles from "./layout.module.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "Read the news closely, passage by passage: questions, feedback and discussion.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#161514" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionProviders>
          <a href="#main" className="skip-link">
            Skip to content
          </a>
          {/* The header's links, on every page, are not prefetched: a reader rarely takes them next, and
              each prefetch is a request (per user, for /classes) that every page view would pay. */}
          <header className={styles.header}>
            <div className={styles.bar}>
              <Link href="/" prefetch={false} className={styles.brand}>
                Marginalia
              </Link>
              <nav aria-label="Main">
                <ul className={styles.nav}>
                  <li>
                    <Link href="/lessons" prefetch={false}>
                      Lessons
                    </Link>
                  </li>
                  <AccountMenu />
                </ul>
              </nav>
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className={styles.footer}>
            <p>
              Marginalia: close reading of the news. Articles are quoted for teaching, with their source named on every
              lesson.
            </p>
          </footer>
        </SessionProviders>
      </body>
    </html>
  );
}
