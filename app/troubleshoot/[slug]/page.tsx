import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { openHostRun } from "@/lib/troubleshoot/host-runs";
import { requireTroubleshooting } from "@/lib/troubleshoot/catalog";
import { HostWorkspace } from "@/components/troubleshoot/HostWorkspace";

type Params = Promise<{ slug: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  try {
    return { title: `${requireTroubleshooting(slug).meta.title} · ProdLoop` };
  } catch {
    return { title: "Problem not found" };
  }
}

export default async function TroubleshootPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  let problem;
  try {
    problem = requireTroubleshooting(slug);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  if (!user) {
    return (
      <main className="page-narrow">
        <h1>{problem.meta.title}</h1>
        <div className="prose" dangerouslySetInnerHTML={{ __html: problem.statementHtml }} />
        <p>
          <Link className="btn btn-primary" href={`/login?next=${encodeURIComponent(`/troubleshoot/${slug}`)}`}>
            Sign in to get your host
          </Link>
        </p>
      </main>
    );
  }
  const run = await openHostRun({ user, slug });
  return <HostWorkspace initial={run} />;
}
