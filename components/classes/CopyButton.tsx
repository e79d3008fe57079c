"use client";

import { useState } from "react";
import styles from "@/components/ui/forms.module.css";

/**
 * Copies a value to the clipboard and says so. With `path`, the value is that address on
 * this site (the origin comes from the browser: the server may not know its public name).
 */
export function CopyButton({
  value,
  path,
  label,
  what = "the code",
}: {
  value?: string;
  path?: string;
  label: string;
  what?: string;
}) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className={styles.secondary}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(
              path !== undefined ? new URL(path, window.location.origin).href : (value ?? ""),
            );
            setCopied("done");
          } catch {
            setCopied("failed");
          }
        }}
      >
        {label}
      </button>
      <span role="status" className={styles.formSuccess}>
        {copied === "done" ? "Copied." : copied === "failed" ? `Copy failed: select ${what} and copy it.` : ""}
      </span>
    </>
  );
}
