import type { MemberReport } from '../../../codemods/index.js';

/** The report of a fixture as stable text lines: `Class.member action @decorator rule`. */
export function reportLines(members: readonly MemberReport[]): string {
  return members.map((m) => `${m.className}.${m.member} ${m.action}${m.decorator ? ` @${m.decorator}` : ''} ${m.rule}\n`).join('');
}
