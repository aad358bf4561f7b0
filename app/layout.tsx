import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ImageFleet", template: "%s · ImageFleet" },
  description: "Fleet observability for AWS Lambda functions packaged as container images",
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  manifest: "/manifest.webmanifest",
};

// Every page carries a per-request CSP nonce (proxy.ts), so nothing can be prerendered.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <Header />
          <main className="mx-auto max-w-[1600px] px-4 py-5">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
