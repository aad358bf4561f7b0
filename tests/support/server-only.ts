// Next.js forbids server-only modules in client bundles; under vitest there is no client bundle.
export {};
