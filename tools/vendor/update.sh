#!/bin/bash
# Refresh the vendored browser assets in assets/vendor from the npm registry.
# Maintainers only: the assets are committed, so readers and CI never need npm.
# Versions are pinned in package.json and locked (with integrity hashes) in package-lock.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --ignore-scripts
dest="$root/assets/vendor"
rm -rf "$dest"
mkdir -p "$dest/mathjax/output/chtml/fonts" "$dest/requirejs" "$dest/html-manager" "$dest/uplot"
cp node_modules/mathjax/es5/tex-mml-chtml.js node_modules/mathjax/LICENSE "$dest/mathjax/"
cp -r node_modules/mathjax/es5/output/chtml/fonts/woff-v2 "$dest/mathjax/output/chtml/fonts/"
cp node_modules/requirejs/require.js "$dest/requirejs/"
cp node_modules/@jupyter-widgets/html-manager/dist/embed-amd.js "$dest/html-manager/"
cp node_modules/@jupyter-widgets/html-manager/dist/*.woff2 node_modules/@jupyter-widgets/html-manager/dist/embed.js.LICENSE.txt "$dest/html-manager/"
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE "$dest/uplot/"
for pkg in mathjax requirejs @jupyter-widgets/html-manager uplot; do
  node -e "const p=require('./node_modules/$pkg/package.json'); console.log(p.name+'@'+p.version+' ('+(p.license||'see package')+')')"
done > "$dest/VERSIONS.txt"
# axe-core: used only by the accessibility test (tests/book), kept out of assets/ (never served)
mkdir -p "$here/axe"
cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE "$here/axe/"
node -e "const p=require('./node_modules/axe-core/package.json'); console.log(p.name+'@'+p.version+' ('+p.license+'): used only by tests/book/test_accessibility.py, never served to readers')" > "$here/axe/VERSIONS.txt"
rm -rf node_modules
echo "vendored into $dest:"; cat "$dest/VERSIONS.txt"
