import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { requestDesignReview } from "../../../../../../lib/design/request-design-review.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    return json({ submission: await requestDesignReview({ user: await getUserFromRequest(req), id }) });
  });
}
