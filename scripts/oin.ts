/**
 * `npm run oin [-- --json] [-- --check]`: every field of Okta's OIN Integration Wizard for this deployment
 * (`APP_URL`), from lib/oin/. `--check` exits 1 when a value breaks one of Okta's rules (logo, lengths, https).
 */
import { parseArgs } from 'node:util';
import { getOinSubmission } from '@/lib/oin/get-oin-submission';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('Usage: [APP_URL=https://app.example.com] npm run oin [-- --json] [-- --check]');
  process.exit(0);
}

const submission = getOinSubmission();
if (values.json) {
  console.log(JSON.stringify(submission, null, 2));
} else {
  console.log(`OIN Integration Wizard values for ${submission.appUrl}\n`);
  for (const section of submission.sections) {
    console.log(section.title);
    for (const field of section.fields) {
      console.log(`  ${field.label}`);
      console.log(`      ${field.value}`);
      if (field.note) console.log(`      (${field.note})`);
    }
    console.log('');
  }
  if (submission.problems.length) {
    console.log('Not ready for submission:');
    for (const p of submission.problems) console.log(`  ✗ ${p}`);
  } else {
    console.log('✓ Every value meets Okta\'s rules.');
  }
}
process.exit(values.check && submission.problems.length ? 1 : 0);
