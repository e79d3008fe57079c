/**
 * A stand-in LMS for the LTI journeys, served from the test process: a course page with a link
 * that launches Marginalia (in the window, or inside a frame as an LMS shows it), the OpenID
 * Connect authorization endpoint that signs the id_token, and the platform's key set. It runs on
 * `localhost` while the app runs on 127.0.0.1, so the two are different sites, as in a school.
 * The platform is registered the way an administrator does it, with `npm run lti:register`.
 */
import { execFileSync } from "node:child_process";
import http from "node:http";
import { createRemoteJWKSet, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { LTI_CLAIM } from "../lib/lti/launch";
import { ROLE_URI, standInPlatform, type StandInPerson, type StandInPlatform } from "../db/testing/lti-stand-in";

export type LaunchHint = {
  course: { id: string; title: string };
  lessonSlug?: string;
  /** Sign the id_token with a key the platform never published. */
  forge?: boolean;
  /** A deep-linking request (the instructor adds Marginalia to the course) instead of a launch. */
  deepLink?: boolean;
  /** The launch names a line item for the lesson's scores (Assignment and Grade Services). */
  lineItem?: boolean;
  /** The launch offers the course's roster (Names and Role Provisioning Services), as set by setRoster. */
  roster?: boolean;
  /** The course page is served from the school's own domain, not the issuer's (as Canvas does). */
  schoolDomain?: boolean;
};

/** A score the tool posted to a line item, with the bearer token it came with. */
export type ReceivedScore = { lineItem: string; score: Record<string, unknown> };

/** What the tool's deep-linking response made in the course: one assignment per resource link. */
export type CreatedLink = {
  title: string;
  url: string;
  custom: Record<string, string>;
  lineItem: { scoreMaximum: number; label: string; resourceId: string };
};

export type RunningPlatform = {
  issuer: string;
  platform: StandInPlatform;
  /** The course page a person opens in the LMS; `framed` shows Marginalia inside it, as LMSs do. */
  coursePage: (person: StandInPerson, hint: LaunchHint, options?: { framed?: boolean }) => string;
  /** The assignments deep linking made, checked against the tool's published keys on arrival. */
  createdLinks: CreatedLink[];
  /** The scores the tool posted, each with a token this platform issued against the tool's signed assertion. */
  receivedScores: ReceivedScore[];
  /** The people of a course, as its roster service lists them. */
  setRoster: (courseId: string, people: StandInPerson[]) => void;
  stop: () => Promise<void>;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startStandInPlatform(toolBase: string): Promise<RunningPlatform> {
  const port = Number(process.env.E2E_PORT ?? 3100) + 54;
  const issuer = `http://localhost:${port}`;
  // Where the school's courses are served when that is not the issuer (Canvas: school.instructure.com).
  const school = `http://localhost:${port + 1}`;
  const platform = await standInPlatform({ issuer, targetLinkUri: `${toolBase}/api/lti/launch` });
  const forger = (await generateKeyPair("RS256")).privateKey;
  const toolKeys = createRemoteJWKSet(new URL(`${toolBase}/api/lti/jwks`));
  const createdLinks: CreatedLink[] = [];
  const receivedScores: ReceivedScore[] = [];
  const issuedTokens = new Set<string>();
  const rosters = new Map<string, StandInPerson[]>();
  const readBody = async (req: http.IncomingMessage) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    return body;
  };

  const loginUrl = (person: StandInPerson, hint: LaunchHint) => {
    const url = new URL(`${toolBase}/api/lti/login`);
    url.searchParams.set("iss", issuer);
    url.searchParams.set("login_hint", JSON.stringify(person));
    url.searchParams.set("target_link_uri", `${toolBase}/api/lti/launch`);
    url.searchParams.set("lti_message_hint", JSON.stringify(hint));
    url.searchParams.set("client_id", platform.clientId);
    url.searchParams.set("lti_deployment_id", platform.deploymentId);
    return url.href;
  };

  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}</body></html>`;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", issuer);
      if (url.pathname === "/jwks") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [platform.publicJwk] }));
        return;
      }
      if (url.pathname === "/course") {
        const person = JSON.parse(url.searchParams.get("person")!) as StandInPerson;
        const hint = JSON.parse(url.searchParams.get("hint")!) as LaunchHint;
        const launch = loginUrl(person, hint);
        const body =
          url.searchParams.get("framed") === "1"
            ? `<h1>${esc(hint.course.title)}</h1><iframe title="Marginalia" src="${esc(launch)}" width="800" height="500"></iframe>`
            : `<h1>${esc(hint.course.title)}</h1><p><a href="${esc(launch)}">Open Marginalia</a></p>`;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(hint.course.title, body));
        return;
      }
      if (url.pathname === "/auth") {
        // The platform's side of the OpenID Connect login: check what the tool sent, sign, post back.
        const p = url.searchParams;
        const expected = { scope: "openid", response_type: "id_token", response_mode: "form_post", prompt: "none" };
        for (const [name, value] of Object.entries(expected))
          if (p.get(name) !== value) throw new Error(`The tool sent ${name}=${p.get(name)}`);
        if (p.get("client_id") !== platform.clientId) throw new Error("The tool sent another client_id");
        if (p.get("redirect_uri") !== `${toolBase}/api/lti/launch`) throw new Error("Unexpected redirect_uri");
        const person = JSON.parse(p.get("login_hint")!) as StandInPerson;
        const hint = JSON.parse(p.get("lti_message_hint")!) as LaunchHint;
        // The signed return URL is on the site that shows the course, as Canvas's and Moodle's are.
        const shownAt = {
          "https://purl.imsglobal.org/spec/lti/claim/launch_presentation": {
            document_target: "iframe",
            return_url: `${hint.schoolDomain ? school : issuer}/course/done`,
          },
        };
        let idToken = await platform.idToken({
          person,
          nonce: p.get("nonce")!,
          course: hint.course,
          lessonSlug: hint.lessonSlug,
          overrides: {
            ...shownAt,
            ...(hint.roster
              ? {
                  "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
                    context_memberships_url: `${issuer}/memberships/${hint.course.id}`,
                    service_versions: ["2.0"],
                  },
                }
              : {}),
            ...(hint.lineItem
              ? {
                  [LTI_CLAIM.gradeService]: {
                    scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
                    lineitem: `${issuer}/lineitems/${hint.course.id}-${hint.lessonSlug}`,
                  },
                }
              : {}),
            ...(hint.deepLink
              ? {
                  [LTI_CLAIM.messageType]: "LtiDeepLinkingRequest",
                  [LTI_CLAIM.resourceLink]: undefined,
                  [LTI_CLAIM.deepLinkingSettings]: {
                    deep_link_return_url: `${issuer}/deep-link-return`,
                    accept_types: ["ltiResourceLink"],
                    accept_presentation_document_targets: ["iframe", "window"],
                    data: "stand-in-data",
                  },
                }
              : {}),
          },
        });
        if (hint.forge) {
          const [header, payload] = idToken.split(".");
          const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
          idToken = await new SignJWT(claims)
            .setProtectedHeader(JSON.parse(Buffer.from(header!, "base64url").toString()))
            .sign(forger);
        }
        const form = `<form method="post" action="${esc(p.get("redirect_uri")!)}">
<input type="hidden" name="id_token" value="${esc(idToken)}"><input type="hidden" name="state" value="${esc(p.get("state")!)}">
<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script>`;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page("Signing you in", form));
        return;
      }
      if (url.pathname === "/token" && req.method === "POST") {
        // OAuth client credentials with a JWT assertion (RFC 7523), signed by the tool's published key.
        const form = new URLSearchParams(await readBody(req));
        await jwtVerify(form.get("client_assertion") ?? "", toolKeys, {
          issuer: platform.clientId,
          subject: platform.clientId,
          audience: `${issuer}/token`,
        });
        const token = `token-${issuedTokens.size + 1}`;
        issuedTokens.add(token);
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(
            JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") }),
          );
        return;
      }
      const memberships = url.pathname.match(/^\/memberships\/([^/]+)$/);
      if (memberships) {
        if (!issuedTokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""))) {
          res.writeHead(401).end("Unknown token");
          return;
        }
        const members = (rosters.get(memberships[1]!) ?? []).map((p) => ({
          user_id: p.sub,
          name: p.name,
          email: p.email,
          roles: [ROLE_URI[p.role]],
          status: "Active",
        }));
        res
          .writeHead(200, { "content-type": "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" })
          .end(JSON.stringify({ id: url.href, context: { id: memberships[1] }, members }));
        return;
      }
      const scores = url.pathname.match(/^\/lineitems\/([^/]+)\/scores$/);
      if (scores && req.method === "POST") {
        const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        if (!issuedTokens.has(bearer)) {
          res.writeHead(401).end("Unknown token");
          return;
        }
        if (req.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json") throw new Error("Not a score");
        receivedScores.push({ lineItem: scores[1]!, score: JSON.parse(await readBody(req)) });
        res.writeHead(200).end();
        return;
      }
      if (url.pathname === "/deep-link-return" && req.method === "POST") {
        const body = await readBody(req);
        const jwt = new URLSearchParams(body).get("JWT") ?? "";
        const { payload } = await jwtVerify(jwt, toolKeys, { issuer: platform.clientId, audience: issuer });
        if (payload[LTI_CLAIM.messageType] !== "LtiDeepLinkingResponse") throw new Error("Not a deep-linking response");
        if (payload[LTI_CLAIM.data] !== "stand-in-data") throw new Error("The platform's data did not come back");
        const items = payload[LTI_CLAIM.contentItems] as CreatedLink[];
        createdLinks.push(...items);
        const list = items.map((i) => `<li>${esc(i.title)}, out of ${i.lineItem.scoreMaximum} points</li>`).join("");
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(page("Assignment added", `<h1>Assignment added</h1><ul>${list}</ul>`));
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      res.writeHead(400, { "content-type": "text/plain" }).end(String(err));
    }
  });
  // Every address, IPv4 and IPv6: the browser and the tool may each resolve localhost either way.
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const schoolServer = http.createServer(server.listeners("request")[0] as http.RequestListener);
  await new Promise<void>((resolve) => schoolServer.listen(port + 1, resolve));

  execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "lti:register",
      "--",
      "--issuer",
      issuer,
      "--client-id",
      platform.clientId,
      "--deployment-id",
      platform.deploymentId,
      "--auth-url",
      `${issuer}/auth`,
      "--token-url",
      `${issuer}/token`,
      "--jwks-url",
      `${issuer}/jwks`,
    ],
    { stdio: "pipe" },
  );

  return {
    issuer,
    platform,
    createdLinks,
    receivedScores,
    setRoster: (courseId, people) => rosters.set(courseId, people),
    coursePage: (person, hint, { framed = false } = {}) => {
      const url = new URL(`${hint.schoolDomain ? school : issuer}/course`);
      url.searchParams.set("person", JSON.stringify(person));
      url.searchParams.set("hint", JSON.stringify(hint));
      if (framed) url.searchParams.set("framed", "1");
      return url.href;
    },
    stop: async () => {
      await new Promise<void>((resolve) => schoolServer.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
