/**
 * Class join codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * about 49.5 bits of randomness, shown as two groups of five ("K7M2Q-XR9PD").
 */
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 10;
export const JOIN_CODE_LIFETIME_MS = 60 * 24 * 60 * 60_000; // 60 days: a term, after which the instructor makes a new one

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a person types, made comparable: case, spaces and hyphens ignored. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function formatJoinCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Said beside the field when what was typed cannot be a code at all (too short, or letters a code never has). */
export const JOIN_CODE_FORMAT_HINT =
  "A class code is 10 letters and digits, like K7M2Q-XR9PD. Codes never use 0, 1, I, L or O.";

/** Whether a typed code could be one (after normalising): the right length, from the right alphabet. */
export function couldBeJoinCode(input: string): boolean {
  const code = normaliseJoinCode(input);
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}
