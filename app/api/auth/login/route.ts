import { LoginSchema } from "../../../../lib/auth/credentials.ts";
import { sessionCookie } from "../../../../lib/auth/cookie.ts";
import { logIn } from "../../../../lib/auth/log-in.ts";
import { readJson } from "../../../../lib/http/request.ts";
import { json } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";

export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const body = await readJson(req, LoginSchema);
    const { user, session } = await logIn(body);
    return json({ user }, { headers: { "set-cookie": sessionCookie(req, session.token, session.expiresAt) } });
  });
}
