/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` typechecks the whole project once (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Native drivers and the job queue stay plain Node modules instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "pg-boss",
    "pino",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
  ],
};

export default nextConfig;
