import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { listDesignSubmissions } from "../../../../../../lib/design/list-design-submissions.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";

export function GET(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    return json({ submissions: await listDesignSubmissions({ user: await getUserFromRequest(req), slug }) });
  });
}
