#!/usr/bin/env bash
# The repository stands alone: no tracked file may read the project's shared folder beside it (a
# user's clone has none). Markdown may mention it in prose; code, tests and config may not.
# Run from anywhere inside a git checkout; exits 1 and lists the files when one does.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
beside='shared'
# The folder itself (followed by a slash, a quote or the line's end), not a module of that name beside a file (shared.js).
if outside=$(git grep -nIE -e "\.\./${beside}([/'\"\`]|\$)" -- ':!*.md'); then
  echo "These tracked files depend on ../${beside}, which a clone of this repository does not have:" >&2
  echo "$outside" >&2
  exit 1
fi
