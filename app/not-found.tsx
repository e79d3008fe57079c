import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page-narrow">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been a lesson or passage that has since been renamed.</p>
      <p>
        <Link href="/lessons">See all lessons</Link>
      </p>
    </div>
  );
}
