import { getUserFromRequest } from "../../../../lib/auth/request-user.ts";
import { json } from "../../../../lib/http/response.ts";
import { handle } from "../../../../lib/http/route.ts";
import { getProblem } from "../../../../lib/problems/get-problem.ts";

export function GET(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    return json({ problem: await getProblem({ slug, user: await getUserFromRequest(req) }) });
  });
}
