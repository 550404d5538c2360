// Validate record fixtures with Ajv (draft 2020-12) against the schema files, as docs/validating.md shows.
// Usage: node ajv_check.mjs SCHEMA_DIR FIXTURE... ; prints {"fixture name": true|false, ...}.
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const Ajv2020 = require("ajv/dist/2020").default;

const [schemaDir, ...fixtures] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json")).sort()) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), "utf8")));
}
const results = {};
for (const path of fixtures) {
  const { schema, instance } = JSON.parse(readFileSync(path, "utf8"));
  const validate = ajv.getSchema(`https://communique.dev/schema/v1/${schema}.json`);
  results[basename(path, ".json")] = validate(instance);
}
process.stdout.write(JSON.stringify(results));
