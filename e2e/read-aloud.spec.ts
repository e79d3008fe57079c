import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, lessonSlug, passageSentences } from "./helpers";

/**
 * Headless Chromium has no voices, so the page gets a stand-in speechSynthesis that records what it
 * is asked to say and ends an utterance only when the test says so (`__speech.finish()`).
 */
async function standInSpeech(page: Page, { voicesAtLoad = true } = {}) {
  await page.addInitScript((voicesAtLoad) => {
    type Utterance = {
      text: string;
      rate: number;
      voice: { name: string } | null;
      lang: string;
      onend: ((e: unknown) => void) | null;
      onerror: ((e: { error: string }) => void) | null;
    };
    const spoken: { text: string; rate: number; voice: string | null }[] = [];
    const listeners = new Set<() => void>();
    const english = [{ name: "Stand-in English", lang: "en-US", default: true, localService: true, voiceURI: "x" }];
    let voices = voicesAtLoad ? english : [];
    let current: Utterance | null = null;
    let paused = false;
    class StandInUtterance {
      rate = 1;
      voice = null;
      lang = "";
      onend = null;
      onerror = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: StandInUtterance, configurable: true });
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: {
        get speaking() {
          return current !== null;
        },
        get paused() {
          return paused;
        },
        pending: false,
        getVoices: () => voices.slice(),
        speak(u: Utterance) {
          spoken.push({ text: u.text, rate: u.rate, voice: u.voice?.name ?? null });
          current = u;
        },
        // As Safari does: a cancelled utterance ends, a moment later, after the next has begun.
        cancel() {
          const u = current;
          current = null;
          if (u) setTimeout(() => u.onend?.({}), 0);
        },
        pause() {
          paused = true;
        },
        resume() {
          paused = false;
        },
        addEventListener: (_: string, f: () => void) => listeners.add(f),
        removeEventListener: (_: string, f: () => void) => listeners.delete(f),
      },
    });
    Object.assign(window, {
      __speech: {
        spoken,
        get paused() {
          return paused;
        },
        finish() {
          const u = current;
          current = null;
          u?.onend?.({});
        },
        addVoices() {
          voices = english;
          for (const f of listeners) f();
        },
      },
    });
  }, voicesAtLoad);
}

type Spoken = { text: string; rate: number; voice: string | null }[];
const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken } }).__speech.spoken);
const finish = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());

const passage = "a-colonel-defects";
const sentences = passageSentences(passage);

test("read aloud steps through the passage sentence by sentence, marking each; pause, skip, speed and stop", async ({
  page,
}) => {
  await standInSpeech(page);
  await page.goto(`/lessons/${lessonSlug}/${passage}`);
  const marked = page.locator("[data-reading]");
  await page.getByRole("button", { name: "Read aloud" }).click();
  const player = page.getByRole("group", { name: "Read aloud" });
  await expect(player.getByRole("status")).toHaveText(`Reading sentence 1 of ${sentences.length}.`);
  await expect(player.getByRole("button", { name: "Pause" })).toBeFocused();
  await expect(marked).toHaveAttribute("id", `s-${sentences[0]!.id}`);
  await expect(marked).toHaveCount(1);
  expect(await spoken(page)).toEqual([{ text: sentences[0]!.text, rate: 1, voice: "Stand-in English" }]);
  await expectNoAxeViolations(page);

  // One utterance per sentence, in order, each marked in turn.
  await finish(page);
  await expect(marked).toHaveAttribute("id", `s-${sentences[1]!.id}`);
  await expect(player.getByRole("status")).toHaveText(`Reading sentence 2 of ${sentences.length}.`);

  await player.getByRole("button", { name: "Pause" }).click();
  await expect(player.getByRole("status")).toHaveText(`Paused at sentence 2 of ${sentences.length}.`);
  expect(await page.evaluate(() => (window as unknown as { __speech: { paused: boolean } }).__speech.paused)).toBe(
    true,
  );
  await player.getByRole("button", { name: "Resume" }).click();
  await expect(player.getByRole("status")).toHaveText(`Reading sentence 2 of ${sentences.length}.`);

  // Skipping cancels the sentence being read; the cancelled one's end does not move the reading on.
  await player.getByRole("button", { name: "Next sentence" }).click();
  await expect(marked).toHaveAttribute("id", `s-${sentences[2]!.id}`);
  await player.getByRole("button", { name: "Previous sentence" }).click();
  await expect(marked).toHaveAttribute("id", `s-${sentences[1]!.id}`);
  await player.getByLabel("Go to sentence").selectOption({ index: sentences.length - 1 });
  await expect(marked).toHaveAttribute("id", `s-${sentences.at(-1)!.id}`);
  await expect(player.getByRole("button", { name: "Next sentence" })).toBeDisabled();

  // A new speed starts the sentence again at that speed, and is kept for next time.
  await player.getByLabel("Speed").selectOption("1.5");
  await expect
    .poll(async () => (await spoken(page)).at(-1))
    .toEqual({
      text: sentences.at(-1)!.text,
      rate: 1.5,
      voice: "Stand-in English",
    });
  expect((await spoken(page)).map((s) => s.text)).toEqual([
    sentences[0]!.text,
    sentences[1]!.text,
    sentences[2]!.text,
    sentences[1]!.text,
    sentences.at(-1)!.text,
    sentences.at(-1)!.text,
  ]);

  await finish(page);
  await expect(player.getByRole("status")).toHaveText(`Finished: read all ${sentences.length} sentences.`);
  await expect(marked).toHaveCount(0);
  await player.getByRole("button", { name: "Read again" }).click();
  await expect(marked).toHaveAttribute("id", `s-${sentences[0]!.id}`);
  expect((await spoken(page)).at(-1)).toEqual({ text: sentences[0]!.text, rate: 1.5, voice: "Stand-in English" });

  await player.getByRole("button", { name: "Stop" }).click();
  await expect(player).toHaveCount(0);
  await expect(marked).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Read aloud" })).toBeFocused();

  // The speed chosen is this browser's from now on.
  await page.reload();
  await page.getByRole("button", { name: "Read aloud" }).click();
  await expect(page.getByRole("group", { name: "Read aloud" }).getByLabel("Speed")).toHaveValue("1.5");
});

test("read aloud is offered only once the browser has a voice", async ({ page }) => {
  await standInSpeech(page, { voicesAtLoad: false });
  await page.goto(`/lessons/${lessonSlug}/${passage}`);
  // The page has hydrated (the banner comes from the browser's request), so the check for voices has run.
  await expect(page.getByText("to answer. Answers save as you type.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Read aloud" })).toHaveCount(0);
  // Chrome's voice list arrives late, announced by voiceschanged.
  await page.evaluate(() => (window as unknown as { __speech: { addVoices(): void } }).__speech.addVoices());
  await expect(page.getByRole("button", { name: "Read aloud" })).toBeVisible();
});

test("read aloud on a phone: the controls stay on screen while the passage scrolls, with no sideways scroll @phone", async ({
  page,
}) => {
  await standInSpeech(page);
  await page.goto(`/lessons/${lessonSlug}/${passage}`);
  await page.getByRole("button", { name: "Read aloud" }).click();
  const player = page.getByRole("group", { name: "Read aloud" });
  await expect(player.getByRole("status")).toHaveText(`Reading sentence 1 of ${sentences.length}.`);
  await player.getByLabel("Go to sentence").selectOption({ index: 3 });
  await expect(page.locator("[data-reading]")).toHaveAttribute("id", `s-${sentences[3]!.id}`);
  await page.mouse.wheel(0, 400);
  await expect(player.getByRole("button", { name: "Pause" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page);
});
