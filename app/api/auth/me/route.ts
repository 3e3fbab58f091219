import { getUserFromRequest } from "../../../../lib/auth/request-user.ts";
import { json } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";

export function GET(req: Request): Promise<Response> {
  return handle(async () => json({ user: await getUserFromRequest(req) }));
}
