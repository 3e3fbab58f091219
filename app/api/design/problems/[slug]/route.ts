import { getUserFromRequest } from "../../../../../lib/auth/request-user.ts";
import { getDesignProblem } from "../../../../../lib/design/get-design-problem.ts";
import { json } from "../../../../../lib/http/response.ts";
import { handle } from "../../../../../lib/http/route.ts";

export function GET(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    return json({ problem: await getDesignProblem({ user: await getUserFromRequest(req), slug }) });
  });
}
