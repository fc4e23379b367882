/**
 * `npm run tenant -- reviewer <slug> --sub <Okta user id> [--email E]`: the admin account Okta's OIN reviewers
 * sign in with (lib/oin/register-reviewer.ts). `--remove` deactivates it and ends its sessions after the review.
 */
import { parseArgs } from 'node:util';
import { registerReviewer, removeReviewer } from '@/lib/oin/register-reviewer';

export const REVIEWER_HELP = `  reviewer <slug> --sub <Okta user id> [--email isvtest@okta.com]   admin account for Okta's OIN reviewers
  reviewer <slug> --sub <Okta user id> --remove                       after the review: deactivate it, end its sessions`;

const options = { sub: { type: 'string' }, email: { type: 'string' }, remove: { type: 'boolean' }, json: { type: 'boolean' } } as const;
const context = { actor: 'cli', requestId: `cli-${process.pid}` };

export async function runReviewerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [slug] = positionals;
  if (!slug || !values.sub) {
    console.log(`Usage: npm run tenant -- reviewer <slug> --sub <Okta user id> [--email E] [--remove]\n${REVIEWER_HELP}`);
    return slug || values.sub ? 2 : 0;
  }
  if (values.remove) {
    const { sessionsEnded } = await removeReviewer({ slug, sub: values.sub }, context);
    console.log(values.json ? JSON.stringify({ slug, sub: values.sub, removed: true, sessionsEnded }) : `Reviewer ${values.sub} of ${slug} deactivated; ${sessionsEnded} session(s) ended.`);
    return 0;
  }
  let result;
  try {
    result = await registerReviewer({ slug, sub: values.sub, email: values.email }, context);
  } catch (error) {
    const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    if (issue) throw new Error(`--${String(issue.path[0])}: ${issue.message}`);
    throw error;
  }
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`${result.created ? 'Registered' : 'Updated'} reviewer ${result.sub} as an administrator of ${result.tenant}.`);
    console.log(`They sign in through ${result.issuer} (the Okta user must be assigned to the app there) at /login or from the tile.`);
    console.log('Paste the reviewer instructions from `npm run oin` into the OIN Wizard; remove the account after the review with --remove.');
  }
  return 0;
}
