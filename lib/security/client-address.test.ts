import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseTrustedProxies, resolveClientAddress, trustForwardedAddressesOnlyFrom } from "./client-address";

test("without a trusted proxy, the socket's address is the client's, whatever X-Forwarded-For says", () => {
  const none = parseTrustedProxies(undefined);
  assert.equal(resolveClientAddress("203.0.113.9", "198.51.100.1", none), "203.0.113.9");
  assert.equal(resolveClientAddress("::ffff:127.0.0.1", "1.2.3.4, 5.6.7.8", none), "127.0.0.1");
  assert.equal(resolveClientAddress(undefined, "1.2.3.4", none), "unknown");
});

test("behind a trusted proxy, the nearest address it did not write is the client's", () => {
  const lb = parseTrustedProxies("127.0.0.1, 10.0.0.2");
  assert.equal(resolveClientAddress("127.0.0.1", "203.0.113.9", lb), "203.0.113.9");
  // A client's forged entry sits left of what the proxy appended: it is never reached.
  assert.equal(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", lb), "203.0.113.9");
  // Two trusted hops.
  assert.equal(resolveClientAddress("127.0.0.1", ["6.6.6.6, 203.0.113.9", "10.0.0.2"], lb), "203.0.113.9");
  // The proxy itself sent it (a health check): its own address.
  assert.equal(resolveClientAddress("127.0.0.1", undefined, lb), "127.0.0.1");
  // A request that bypassed the proxy cannot claim an address.
  assert.equal(resolveClientAddress("198.51.100.7", "6.6.6.6", lb), "198.51.100.7");
});

test("installed on a real server, a client's forged X-Forwarded-For is replaced by its socket address", async () => {
  trustForwardedAddressesOnlyFrom(parseTrustedProxies(""));
  const server = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const seen = [];
    for (const forged of ["198.51.100.1", "198.51.100.2, 10.0.0.1", ""]) {
      seen.push(
        await (
          await fetch(`http://127.0.0.1:${port}/`, { headers: forged ? { "X-Forwarded-For": forged } : {} })
        ).text(),
      );
    }
    assert.deepEqual(seen, ["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  } finally {
    server.close();
  }
});
