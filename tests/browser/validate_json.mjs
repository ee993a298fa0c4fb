// node validate_json.mjs SCHEMA FILE...
// Validates JSON files against a JSON Schema of draft-04 (SARIF 2.1.0's),
// draft-07 or 2020-12 (report.schema.json), chosen by the schema's $schema,
// with the string formats (uri, date-time, ...) checked too.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: node validate_json.mjs SCHEMA FILE...');
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const dialect = schema.$schema ?? '';
const draft04 = dialect.includes('draft-04');
const Validator = draft04 ? AjvDraft04 : dialect.includes('2020-12') ? Ajv2020 : Ajv;
// The published SARIF 2.1.0 schema has a pattern with a stray "]" that only
// a non-Unicode regular expression accepts, as draft-04's validators did.
const ajv = new Validator({ allErrors: true, strict: false, unicodeRegExp: !draft04 });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = 0;
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, 'utf8')))) {
    console.log(`${file}: valid against ${schemaPath}`);
  } else {
    failed++;
    console.error(`${file}: invalid against ${schemaPath}`);
    for (const e of validate.errors) console.error(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
process.exit(failed ? 1 : 0);
