"use client";

import { useState } from "react";
import styles from "@/components/ui/forms.module.css";

/** Copies a value to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className={styles.secondary}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied("done");
          } catch {
            setCopied("failed");
          }
        }}
      >
        {label}
      </button>
      <span role="status" className={styles.formSuccess}>
        {copied === "done" ? "Copied." : copied === "failed" ? "Copy failed: select the code and copy it." : ""}
      </span>
    </>
  );
}
