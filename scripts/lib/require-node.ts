// Imported first by every entry script: on an older Node the failure would otherwise surface as a
// confusing native-module or syntax error deep inside a dependency.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `ImageFleet needs Node.js 22.12 or newer (24 LTS recommended); this is Node ${process.versions.node}.\n` +
      "Install a current Node, or run any command through scripts/with-node24.sh, which fetches Node 24\n" +
      "from the npm registry into a cache: scripts/with-node24.sh npm install && scripts/with-node24.sh npm start",
  );
  process.exit(1);
}
