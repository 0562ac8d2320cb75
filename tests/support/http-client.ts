import { randomBytes } from "node:crypto";

export type ApiResponse<T = unknown> = { status: number; body: T };

/** A tiny cookie-keeping HTTP client: a signed-in browser as far as the server can tell, minus the browser. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    private bearer?: string,
  ) {}

  withApiKey(token: string) {
    return new HttpClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      redirect: "manual",
      headers: {
        // A FormData body sets its own multipart content type (with the boundary).
        ...(body !== undefined && typeof body !== "string" && !(body instanceof FormData) ? { "content-type": "application/json" } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" || body instanceof FormData ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML page, plain text)
    }
    return { status: res.status, body: parsed as T };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body ?? {});
  }
  patch<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>("DELETE", path);
  }

  /** next-auth's credentials sign-in, as the browser does it: CSRF token, then the callback form post. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.get<{ csrfToken: string }>("/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: "true" });
    const res = await this.request("POST", "/api/auth/callback/credentials", form.toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    if (![200, 302].includes(res.status) || ![...this.cookies.keys()].some((k) => k.includes("session-token"))) {
      throw new Error(`sign-in failed for ${email}: ${res.status}`);
    }
  }
}

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(4).toString("hex")}@example.test`;
export const PASSWORD = "correct horse battery";

export type SignedUp = { client: HttpClient; email: string; orgSlug: string; userId: string };

/** Signs a new person up with a new organization and returns a client signed in as them. */
export async function signUpOwner(baseUrl: string, orgName = "Acme"): Promise<SignedUp> {
  const client = new HttpClient(baseUrl);
  const email = uniqueEmail("owner");
  const res = await client.post("/api/v1/signup", { name: "Owner", email, password: PASSWORD, organizationName: orgName });
  if (res.status !== 202) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  await client.signIn(email, PASSWORD);
  // Sign-up answers the same for every e-mail (no account enumeration): who we are comes from /me.
  const me = await client.get<{ user: { id: string }; organizations: { slug: string }[] }>("/api/v1/me");
  return { client, email, orgSlug: me.body.organizations[0].slug, userId: me.body.user.id };
}

/** Invites `role` into the owner's organization and signs the invitee up through the link. */
/** Invites a person with `role` into the owner's organization and returns a client signed in as them. */
export async function addMemberViaInvitation(owner: SignedUp, role: string, name?: string): Promise<SignedUp & { name: string }> {
  const email = uniqueEmail(role);
  const inv = await owner.client.post<{ url: string }>(`/api/v1/orgs/${owner.orgSlug}/invitations`, { email, role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  const token = inv.body.url.split("/invite/")[1];
  const client = new HttpClient(owner.client.baseUrl);
  const res = await client.post("/api/v1/signup", { name: name ?? role, email, password: PASSWORD, invitationToken: token });
  if (res.status !== 202) throw new Error(`invited sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  await client.signIn(email, PASSWORD);
  const me = await client.get<{ user: { id: string } }>("/api/v1/me");
  return { client, email, orgSlug: owner.orgSlug, userId: me.body.user.id, name: name ?? role };
}

export async function createApiKey(owner: SignedUp, role: string): Promise<string> {
  const res = await owner.client.post<{ token: string }>(`/api/v1/orgs/${owner.orgSlug}/api-keys`, { name: `${role} key`, role });
  if (res.status !== 201) throw new Error(`api key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}
