import { CredentialsSchema } from "../../../../lib/auth/credentials.ts";
import { sessionCookie } from "../../../../lib/auth/cookie.ts";
import { signUp } from "../../../../lib/auth/sign-up.ts";
import { readJson } from "../../../../lib/http/request.ts";
import { json } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";

export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const body = await readJson(req, CredentialsSchema);
    const { user, session } = await signUp(body);
    return json({ user }, { status: 201, headers: { "set-cookie": sessionCookie(req, session.token, session.expiresAt) } });
  });
}
