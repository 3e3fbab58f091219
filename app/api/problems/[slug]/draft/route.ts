import { getUserFromRequest } from "../../../../../lib/auth/request-user.ts";
import { MAX_SOURCE_REQUEST_BYTES } from "../../../../../lib/grading/source.ts";
import { getDraft, GetDraftSchema } from "../../../../../lib/drafts/get-draft.ts";
import { saveDraft, SaveDraftSchema } from "../../../../../lib/drafts/save-draft.ts";
import { readJson, readQuery } from "../../../../../lib/http/request.ts";
import { json } from "../../../../../lib/http/response.ts";
import { handle } from "../../../../../lib/http/route.ts";

type Ctx = { params: Promise<{ slug: string }> };

export function GET(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    const user = await getUserFromRequest(req);
    const { lang } = readQuery(req, GetDraftSchema);
    return json({ draft: await getDraft({ user, slug, lang }) });
  });
}

export function PUT(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { slug } = await ctx.params;
    const user = await getUserFromRequest(req);
    const body = await readJson(req, SaveDraftSchema, MAX_SOURCE_REQUEST_BYTES);
    return json({ draft: await saveDraft({ user, slug, ...body }) });
  });
}
