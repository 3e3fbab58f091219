import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { ReviewSchema, submitDesignReview } from "../../../../../../lib/design/submit-design-review.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";

/** Review bodies carry a comment per dimension: room for long comments. */
const MAX_REVIEW_BODY_BYTES = 128 * 1024;

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, ReviewSchema, MAX_REVIEW_BODY_BYTES);
    return json({ submission: await submitDesignReview({ user, id, ...body }) });
  });
}
