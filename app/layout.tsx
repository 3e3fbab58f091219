import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { Nav } from "@/components/Nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ProdLoop", template: "%s · ProdLoop" },
  description: "Practise Production Engineer / SRE interview rounds: coding graded against hidden tests, with honest verdicts.",
};

export const viewport: Viewport = {
  colorScheme: "dark",
  themeColor: "#0b0e14",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <Nav user={user} />
        <main>{children}</main>
      </body>
    </html>
  );
}
