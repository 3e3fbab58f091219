import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { rateDesignSelf, SelfRatingSchema } from "../../../../../../lib/design/rate-design-self.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";

export function PUT(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const user = await getUserFromRequest(req);
    const { ratings } = await readJson(req, SelfRatingSchema);
    return json({ submission: await rateDesignSelf({ user, id, ratings }) });
  });
}
