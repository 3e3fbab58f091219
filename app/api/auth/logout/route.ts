import { clearedSessionCookie, sessionTokenFrom } from "../../../../lib/auth/cookie.ts";
import { logOut } from "../../../../lib/auth/log-out.ts";
import { noContent } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";

export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    await logOut({ token: sessionTokenFrom(req) });
    return noContent({ "set-cookie": clearedSessionCookie(req) });
  });
}
