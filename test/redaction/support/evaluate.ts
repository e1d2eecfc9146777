/**
 * Scores the detectors on the labelled corpus: per entity kind, exact-span true positives,
 * false positives and false negatives, precision and recall.
 */
import { TextScanner } from '../../../src/redaction/detectors.js';
import type { EntityKind } from '../../../src/redaction/entity-kinds.js';
import { CORPUS_KINDS, buildRedactionCorpus, type CorpusEntry } from './corpus.js';

/** One row of the score table. */
export interface KindScore {
  kind: EntityKind;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** A mistake, for debugging a failing score. */
export interface Miss {
  type: 'fp' | 'fn';
  kind: EntityKind;
  value: string;
  text: string;
}

/** Scores a scanner on a corpus. */
export function evaluateCorpus(corpus: CorpusEntry[] = buildRedactionCorpus(), scanner = new TextScanner()): { scores: KindScore[]; misses: Miss[]; strings: number; negatives: number } {
  const counts = new Map<EntityKind, { tp: number; fp: number; fn: number; support: number }>();
  const row = (k: EntityKind) => {
    let c = counts.get(k);
    if (c === undefined) counts.set(k, (c = { tp: 0, fp: 0, fn: 0, support: 0 }));
    return c;
  };
  for (const k of CORPUS_KINDS) row(k);
  const misses: Miss[] = [];
  for (const entry of corpus) {
    const found = scanner.find(entry.text);
    const gold = new Set(entry.entities.map((e) => `${e.kind}:${e.start}:${e.end}`));
    const predicted = new Set(found.map((e) => `${e.kind}:${e.start}:${e.end}`));
    for (const e of entry.entities) {
      row(e.kind).support++;
      if (predicted.has(`${e.kind}:${e.start}:${e.end}`)) row(e.kind).tp++;
      else {
        row(e.kind).fn++;
        misses.push({ type: 'fn', kind: e.kind, value: entry.text.slice(e.start, e.end), text: entry.text });
      }
    }
    for (const f of found) {
      if (!gold.has(`${f.kind}:${f.start}:${f.end}`)) {
        row(f.kind).fp++;
        misses.push({ type: 'fp', kind: f.kind, value: entry.text.slice(f.start, f.end), text: entry.text });
      }
    }
  }
  const scores: KindScore[] = [...counts.entries()].map(([kind, c]) => ({
    kind,
    ...c,
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  }));
  return { scores, misses, strings: corpus.length, negatives: corpus.filter((e) => e.entities.length === 0).length };
}

/** The score table in Markdown. */
export function scoreTable(scores: KindScore[]): string {
  const lines = ['| entity | spans | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const s of scores) lines.push(`| ${s.kind} | ${s.support} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  return lines.join('\n');
}
