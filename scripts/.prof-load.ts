import autocannon from "autocannon";
const BASE = "http://127.0.0.1:3400";
const csrf = await fetch(`${BASE}/api/auth/csrf`);
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const res = await fetch(`${BASE}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar }, body: new URLSearchParams({ csrfToken, email: "bench-instructor1@bench.test", password: "marginalia-bench", callbackUrl: BASE, json: "true" }) });
const cookie = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))!.split(";")[0]!;
const r = await autocannon({ url: `${BASE}/classes/ad083654-fa4e-4274-ad28-aa397ff16cb9/review`, connections: 10, duration: 8, headers: { cookie } });
console.log(Math.round(r.requests.total / r.duration), r.latency.p99, r.non2xx);
