import styles from "./forms.module.css";

type Props = {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input whose error (from the action's state) is announced and tied to it. */
export function Field({ name, label, errors, hint, id = `field-${name}`, ...input }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      <p id={errorId} className={styles.error} aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
