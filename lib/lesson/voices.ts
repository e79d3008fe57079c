/** Words for the "who says what" data, shared by the overview panel and the passage highlighter. */

export type AttributionMode = "quoted" | "paraphrased" | "reported" | "narrated" | "mentioned";

export const modeLabel: Record<AttributionMode, string> = {
  quoted: "Quoted directly",
  paraphrased: "Paraphrased",
  reported: "Reported second-hand",
  narrated: "In the outlet's own words",
  mentioned: "Spoken about",
};

/** Whether the voice speaks in a sentence (its words, or the outlet's), rather than being spoken about. */
export function speaks(mode: AttributionMode): boolean {
  return mode !== "mentioned";
}

const kindLabels: Record<string, string> = {
  person: "Person",
  organisation: "Organisation",
  government: "Government",
  media: "Media",
  unnamed: "Unnamed source",
};

export function voiceKindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

function times(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

/** "Quoted directly twice, paraphrased once": how a voice reaches the reader, at a glance. */
export function describeModes(modes: readonly AttributionMode[]): string {
  const order: AttributionMode[] = ["quoted", "paraphrased", "reported", "narrated", "mentioned"];
  const parts = order
    .map((mode) => [mode, modes.filter((m) => m === mode).length] as const)
    .filter(([, n]) => n > 0)
    .map(([mode, n], i) => `${i === 0 ? modeLabel[mode] : modeLabel[mode].toLowerCase()} ${times(n)}`);
  return parts.length > 0 ? `${parts.join(", ")}.` : "";
}
