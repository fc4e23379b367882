import type { ESLint, Rule } from 'eslint';

export const PUBLIC_NAMES_USED_AS_STRINGS: string[];
export function refuseTestUrlHost(host: string): string | null;
export function urlHostsIn(text: string): { host: string; index: number }[];
export const noRemoteTestUrls: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
