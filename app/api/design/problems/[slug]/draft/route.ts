import { getUserFromRequest } from "../../../../../../lib/auth/request-user.ts";
import { AnswerBodySchema, MAX_DESIGN_BODY_BYTES } from "../../../../../../lib/design/answer-input.ts";
import { getDesignDraft } from "../../../../../../lib/design/get-design-draft.ts";
import { saveDesignDraft } from "../../../../../../lib/design/save-design-draft.ts";
import { readJson } from "../../../../../../lib/http/request.ts";
import { json } from "../../../../../../lib/http/response.ts";
import { handle } from "../../../../../../lib/http/route.ts";

type Ctx = { params: Promise<{ slug: string }> };

export function GET(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    return json({ draft: await getDesignDraft({ user: await getUserFromRequest(req), slug }) });
  });
}

export function PUT(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    const user = await getUserFromRequest(req);
    const { answer } = await readJson(req, AnswerBodySchema, MAX_DESIGN_BODY_BYTES);
    return json({ draft: await saveDesignDraft({ user, slug, answer }) });
  });
}
