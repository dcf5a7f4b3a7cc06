// Suggestions before they are stored: found by the rules or by a chat model, each
// pointing at the exact words of the source it came from. Whichever found them,
// titles and descriptions are made safe to show (no images, no links to hosts
// outside the allow-list, one line) and a suggestion left without a title is dropped.
import { stripUnsafeMarkdown, type LinkPolicy } from '../knowledge/markdown-safety.ts';
import { unescapePromptData } from '../knowledge/answer-prompt.ts';
import { truncateText } from '../shared/text.ts';
import { MAX_MODEL_SUGGESTIONS, promptSourceId, type ModelSuggestions } from './prompt.ts';
import { locateQuote } from './quotes.ts';
import { extractActionItems, MAX_TITLE_CHARS } from './rule-based.ts';

export const MAX_DESCRIPTION_CHARS = 2_000;
/** The most suggestions one interaction keeps. */
export const MAX_SUGGESTIONS = 50;

/** A part of the source: `text` is exactly the source's text from `start` on. */
export interface SourceSegment {
  text: string;
  /** Offset of `text` in the whole source (a document: its extracted text). */
  start: number;
  chunkId: string | null;
  pageStart: number | null;
  pageEnd: number | null;
  headings: string[];
}

export interface Candidate {
  title: string;
  description: string | null;
  dueDate: Date | null;
  /** The person named in the source, as written; matched to a user later. */
  assigneeName: string | null;
  /** Offsets into the whole source; `quote` is exactly its text between them. */
  start: number;
  end: number;
  quote: string;
  chunkId: string | null;
  pageStart: number | null;
}

/** Text for a title or description: no unsafe images or links, one line, at most `max` characters. */
export function safeText(text: string, max: number, policy: LinkPolicy = {}): string {
  return truncateText(stripUnsafeMarkdown(text, policy).replace(/\s+/g, ' ').trim(), max);
}

function candidateIn(
  seg: SourceSegment,
  span: { start: number; end: number },
  fields: Pick<Candidate, 'title' | 'description' | 'dueDate' | 'assigneeName'>,
  policy: LinkPolicy,
): Candidate | null {
  const title = safeText(fields.title, MAX_TITLE_CHARS, policy);
  if (!/[\p{L}\p{N}]/u.test(title)) return null;
  const description = fields.description ? safeText(fields.description, MAX_DESCRIPTION_CHARS, policy) || null : null;
  return {
    ...fields,
    title,
    description,
    start: seg.start + span.start,
    end: seg.start + span.end,
    quote: seg.text.slice(span.start, span.end),
    chunkId: seg.chunkId,
    pageStart: seg.pageStart,
  };
}

/**
 * Overlapping segments (a document's chunks overlap) can yield one item twice, or a
 * cut copy of it at a chunk's start: of candidates whose spans overlap, the first
 * longest is kept.
 */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept;
}

/** The rule-based extractor over every segment. */
export function ruleBasedCandidates(segments: readonly SourceSegment[], now: Date, policy: LinkPolicy = {}): Candidate[] {
  const found: Candidate[] = [];
  for (const seg of segments) {
    for (const item of extractActionItems(seg.text, { now })) {
      const c = candidateIn(seg, item, item, policy);
      if (c) found.push(c);
    }
  }
  return withoutOverlaps(found).slice(0, MAX_SUGGESTIONS);
}

/** `YYYY-MM-DD` (noon UTC, like the rules' dates) or a full ISO date-time; anything else is no date. */
export function parseModelDate(value: string | null): Date | null {
  if (!value) return null;
  const v = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  let d: Date;
  if (day) {
    const [y, m, dd] = [Number(day[1]), Number(day[2]), Number(day[3])];
    d = new Date(Date.UTC(y, m - 1, dd, 12));
    if (d.getUTCFullYear() !== y || d.getUTCMonth() !== m - 1 || d.getUTCDate() !== dd) return null;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    d = new Date(v);
  } else {
    return null;
  }
  const year = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || year < 1970 || year > 2200 ? null : d;
}

/**
 * What a chat model suggested, kept only where it is true to the source: each
 * suggestion's quote must occur in the source block it names (or, failing that, in
 * another block of the same source); the provenance is where it occurs, and the
 * quote shown is the source's own words. A suggestion whose quote is not found is
 * dropped. Titles and descriptions lose images and links (see safeText).
 */
export function modelCandidates(reply: ModelSuggestions, segments: readonly SourceSegment[], policy: LinkPolicy = {}): Candidate[] {
  const byId = new Map(segments.map((s, i) => [promptSourceId(i), s]));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const s of (Array.isArray(reply?.suggestions) ? reply.suggestions : []).slice(0, MAX_MODEL_SUGGESTIONS * 2)) {
    if (typeof s?.quote !== 'string' || typeof s.title !== 'string') continue;
    // The model read escaped data and may write it back escaped.
    const quote = unescapePromptData(s.quote);
    const cited =
      typeof s.source === 'string'
        ? byId.get(
            s.source
              .trim()
              .replace(/^\[|\]$/g, '')
              .toUpperCase(),
          )
        : undefined;
    const order = cited ? [cited, ...segments.filter((x) => x !== cited)] : [...segments];
    let found: Candidate | null = null;
    for (const seg of order) {
      const span = locateQuote(seg.text, quote);
      if (!span) continue;
      const assignee = typeof s.assignee === 'string' ? s.assignee.trim().slice(0, 100) : '';
      found = candidateIn(
        seg,
        span,
        {
          title: unescapePromptData(s.title),
          description: typeof s.description === 'string' ? unescapePromptData(s.description) : null,
          dueDate: parseModelDate(typeof s.dueDate === 'string' ? s.dueDate : null),
          assigneeName: assignee || null,
        },
        policy,
      );
      break;
    }
    if (!found) continue;
    const key = `${found.start}:${found.end}:${found.title.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
    if (out.length >= MAX_SUGGESTIONS) break;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
