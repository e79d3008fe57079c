import Link from "next/link";

/** A class page that does not exist and one the reader may not see look the same: an address reveals nothing. */
export default function ClassNotFound() {
  return (
    <div className="page-narrow">
      <h1>Class not found</h1>
      <p>
        This class page does not exist, or it is not one of yours: only a class&apos;s instructor and its students can
        open it.
      </p>
      <p>
        <Link href="/classes">Go to your classes</Link>
      </p>
    </div>
  );
}
