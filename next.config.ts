import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded by Node at run time, never bundled: native addons (isolated-vm,
  // libsql, esbuild's binary) cannot be bundled, and pino/prom-client keep
  // process-wide state that must stay one copy per process.
  serverExternalPackages: ["isolated-vm", "esbuild", "just-bash", "pyodide", "@libsql/client", "libsql", "@prisma/adapter-libsql", "pino", "prom-client"],
  poweredByHeader: false,
  // Type errors fail `next build` (the default, stated so nobody turns it off quietly).
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
