import Link from "next/link";
import styles from "./Breadcrumbs.module.css";

export function Breadcrumbs({ trail }: { trail: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className={styles.crumbs}>
      <ol>
        {trail.map((c) => (
          <li key={c.href}>
            {/* Not prefetched: a way back, rarely taken next; each prefetch is a request on every view. */}
            <Link href={c.href} prefetch={false}>
              {c.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
