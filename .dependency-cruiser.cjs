// The layer rules (docs/architecture.md), checked by `npm run lint` on every import — value and
// type imports alike, relative or through the `@/` alias. Each rule's comment says why it exists.
const notTests = "(^|/)(tests|e2e|e2e-auth|bench)/|\\.test\\.tsx?$";

module.exports = {
  forbidden: [
    {
      name: "analysis-is-pure",
      comment: "lib/analysis is pure domain logic: it imports nothing of ours outside itself, and no I/O.",
      severity: "error",
      from: { path: "^lib/analysis/", pathNot: notTests },
      to: { pathNot: ["^lib/analysis/"] },
    },
    {
      name: "db-below-everything-but-analysis-and-config",
      comment:
        "lib/db (queries and writes) sits on lib/analysis, lib/config and lib/contracts only: no alerts, collector, auth, URL state or AWS.",
      severity: "error",
      from: { path: "^lib/db/" },
      to: { path: "^(lib/(?!db/|analysis/|config/|contracts/)|app/|components/|scripts/)" },
    },
    {
      name: "contracts-are-plain-types",
      comment: "API contracts are shared by both sides: they may lean on lib/analysis types, nothing else of ours.",
      severity: "error",
      from: { path: "^lib/contracts/" },
      to: { path: "^(lib/(?!contracts/|analysis/)|app/|components/|generated/)" },
    },
    {
      name: "aws-gateways-do-not-store",
      comment: "lib/aws are thin gateways to AWS: storing what they return is the collector's job.",
      severity: "error",
      from: { path: "^lib/aws/" },
      to: { path: "^(lib/(db|collector|alerts|reports|server|workers)/|generated/)" },
    },
    {
      name: "ui-reads-contracts-not-data-layers",
      comment:
        "Components and the client query layer read API contracts (lib/contracts), never the database, AWS or the collector.",
      severity: "error",
      from: { path: "^(components|lib/query)/" },
      to: { path: "^(lib/(db|aws|collector|workers|simulator|server)/|generated/)" },
    },
    {
      name: "collector-does-not-know-the-simulator",
      comment: "The simulator is a tool, not a mock: the collector must work against any AWS endpoint unchanged.",
      severity: "error",
      from: { path: "^lib/collector/" },
      to: { path: "^lib/simulator/" },
    },
    {
      name: "simulator-does-not-use-the-collector",
      comment: "The simulator speaks the AWS APIs on its own; borrowing the collector's code would hide its mistakes.",
      severity: "error",
      from: { path: "^lib/simulator/" },
      to: { path: "^lib/collector/" },
    },
    {
      name: "simulator-only-for-demo-scripts-and-tests",
      comment: "Only the demo wiring, scripts, benchmarks and tests start the simulator.",
      severity: "error",
      from: { pathNot: ["^lib/simulator/", "^lib/server/demo-fleet\\.ts$", "^scripts/", notTests] },
      to: { path: "^lib/simulator/" },
    },
    {
      name: "lib-never-imports-routes-or-ui",
      comment: "Dependencies point down: nothing in lib imports app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|generated|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
