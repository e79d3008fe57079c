import { test } from "node:test";
import assert from "node:assert/strict";
import {
  couldBeJoinCode,
  formatJoinCode,
  generateJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  normaliseJoinCode,
} from "./join-code";

test("a join code carries at least 40 bits of randomness", () => {
  assert.ok(JOIN_CODE_LENGTH * Math.log2(JOIN_CODE_ALPHABET.length) >= 40);
});

test("join codes use no ambiguous characters", () => {
  for (const c of "01OILoil") assert.ok(!JOIN_CODE_ALPHABET.includes(c), c);
  for (let i = 0; i < 200; i++) assert.match(generateJoinCode(), /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
});

test("join codes do not repeat over many draws", () => {
  const codes = new Set(Array.from({ length: 20_000 }, generateJoinCode));
  assert.equal(codes.size, 20_000);
});

test("every character of the alphabet is drawn (no bias that leaves some out)", () => {
  const seen = new Set(Array.from({ length: 2000 }, generateJoinCode).join(""));
  assert.equal(seen.size, JOIN_CODE_ALPHABET.length);
});

test("typed codes are normalised and shown in two groups", () => {
  assert.equal(normaliseJoinCode(" k7m2q-xr9pd "), "K7M2QXR9PD");
  assert.equal(formatJoinCode("K7M2QXR9PD"), "K7M2Q-XR9PD");
});

test("a typed code that cannot be one is told apart from a code no class has", () => {
  for (const bad of ["abc", "K7M2Q-XR9P", "K7M2Q-XR9PDX", "K7M2Q-XR9P0", "OOOOO-IIIII", "K7M2Q_XR9PD"])
    assert.equal(couldBeJoinCode(bad), false, bad);
  for (const good of ["K7M2Q-XR9PD", " k7m2q xr9pd ", "k7m2qxr9pd", generateJoinCode()])
    assert.equal(couldBeJoinCode(good), true, good);
});
