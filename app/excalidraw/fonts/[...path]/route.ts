import { readExcalidrawFont } from "../../../../lib/design/excalidraw-fonts.ts";
import { handle } from "../../../../lib/http/route.ts";

export function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return handle(async () => {
    const { path } = await ctx.params;
    const font = await readExcalidrawFont(path);
    // The package version is pinned: a font file never changes under the same name.
    return new Response(new Uint8Array(font.bytes), {
      headers: { "content-type": font.contentType, "cache-control": "public, max-age=604800", "access-control-allow-origin": "*" },
    });
  });
}
