#!/usr/bin/env bash
# Adds a migration with the same name for both providers, from the one EF Core model.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Earshot.Migrations.$provider" \
    --startup-project "src/Earshot.Migrations.$provider" \
    --context EarshotDbContext --output-dir Migrations
done
