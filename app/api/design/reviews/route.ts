import { getUserFromRequest } from "../../../../lib/auth/request-user.ts";
import { listPendingReviews } from "../../../../lib/design/list-pending-reviews.ts";
import { json } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";

export function GET(req: Request): Promise<Response> {
  return handle(async () => json({ reviews: await listPendingReviews({ user: await getUserFromRequest(req) }) }));
}
