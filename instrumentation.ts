/**
 * Next.js calls register() once when the server starts. On the Node.js
 * runtime: validate the environment, apply pending migrations, start the
 * grader pool (lib/startup.ts). Not during `next build`, which must not
 * touch the database or spawn workers.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/startup.ts");
  await startServer();
}
