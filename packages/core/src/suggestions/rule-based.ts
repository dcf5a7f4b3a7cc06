// The offline extractor (`rule-based-v1`): action items found in notes by rules,
// with no model. Pure: the same text and reference time always give the same items.
//
// What it finds, each with `start`/`end` pointing at the exact words it came from
// (`text.slice(start, end)`, without list markers, check boxes or surrounding
// whitespace):
// - checklist items that are not ticked: `- [ ] Send the deck` (`- [x]` is done: skipped);
// - marker lines: `TODO …`, `TODO(alice): …`, `Action: …`, `Action item: …`, `AP: …`;
// - list items under an "Action items:" / "Next steps" / "TODOs" heading;
// - commitments: "Alice will …", "Bob to …", "Carol needs to …", "We will …";
// - imperative sentences: "Send the minutes to everyone.", "Please book a room.";
// and in each, a due date (chrono-node: "by Friday", "on 15 Dec", "next week") and
// the name of the person who will do it (as written: matching it to a user is the
// caller's business). Titles are the task itself: the marker, the person, the date
// phrase and the closing punctuation taken out.
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { splitSentences } from '../knowledge/sentences.ts';
import { truncateText } from '../shared/text.ts';

export const RULE_BASED_MODEL = 'rule-based-v1';
export const MAX_TITLE_CHARS = 200;

// chrono-node (with its locales) is loaded when the first note is read, not with the process.
const require = createRequire(import.meta.url);
let chronoModule: typeof Chrono | undefined;
const chrono = () => (chronoModule ??= require('chrono-node') as typeof Chrono);

export type ItemKind = 'checklist' | 'marker' | 'listed' | 'commitment' | 'imperative';

export interface ExtractedItem {
  kind: ItemKind;
  title: string;
  /** The whole item when the title had to leave something out of it; else null. */
  description: string | null;
  dueDate: Date | null;
  /** The person named as the one who will do it, as written ("Alice", "alice" of TODO(alice), "@bob"). */
  assigneeName: string | null;
  /** Offsets into the text: `text.slice(start, end)` is the item. */
  start: number;
  end: number;
}

export interface ExtractOptions {
  /** What relative dates ("Friday", "next week") are read against. */
  now: Date;
}

/** Verbs that start an imperative sentence ("Send …", "Review …"), in base form. */
const IMPERATIVE_VERBS = new Set(
  `add address agree align analyse analyze announce answer approve archive arrange ask assign attach audit
  book brief bring build buy call cancel change chase check circulate clarify clean close collect compile complete
  confirm connect contact coordinate copy create decide define delete deliver deploy design discuss distribute draft
  drop edit email e-mail enable ensure escalate estimate evaluate fetch file fill finalise finalize find finish fix
  follow forward gather get give hire identify implement inform install interview introduce investigate invite
  label launch list look make merge message migrate move notify onboard open order organise organize pay phone
  ping pick plan post prepare present print prioritise prioritize publish push put raise reach read rebook record
  reduce refactor register release remind remove renew reply report request research reserve resolve respond
  restart return review revise rewrite run schedule scope secure send set settle share ship sign sort start
  submit summarise summarize sync take talk tell test text track train translate update upgrade upload validate
  verify write`.split(/\s+/),
);

/** Words after a sentence's first word that make it a statement, not an order ("Review was good"). */
const NOT_AFTER_VERB = new Set(
  `is was were are be been being has have had went goes looks seems seemed will would can could should may might
  must of results notes meeting meetings went's's`.split(/\s+/),
);

/** Capitalized words that are not people: "It will", "The team will", "Friday we will". */
const NOT_A_NAME = new Set(
  `the this that these those it its there here he she they them you your which what who whom whose when where why
  how everyone everybody nobody someone somebody something nothing anything all each both either neither a an if
  but and or so then also next today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday
  sunday january february march april may june july august september october november december this next last
  our my his her their team action todo ap note notes please let asap urgent tbd tbc wip fyi`.split(/\s+/),
);

/** Pronouns that commit the writer's side without naming anyone: kept, with no assignee. */
const SELF = new Set(['i', 'we']);

const WORD = String.raw`[\p{L}][\p{L}\p{M}'’-]*`;
const NAME = String.raw`(?:@[\w.-]+|\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)?)`;
const COMMIT_VERB = '(?:will|shall|is going to|are going to|am going to|needs to|need to|has to|have to|must|should|to)';
const COMMITMENT = new RegExp(String.raw`^(${NAME}|I|[Ww]e)\s+${COMMIT_VERB}\s+(?=\p{Ll})(${WORD}[\s\S]*)$`, 'u');

const BULLET = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+/;
const CHECKBOX = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])?[ \t]*\[([ xX])\][ \t]+/;
const MARKER =
  /^(?:(?:TODO|FIXME)\b|[Tt]o-?[Dd]o\s*:|[Aa]ction(?:\s+[Ii]tems?)?\s*:|AP\s*:|A\.P\.\s*:)(?:\(([^)\n]{1,60})\))?[ \t]*[:\-–—]?[ \t]*/;
const ACTION_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:action\s+items?|actions|action\s+points?|todos?|to-?dos?|next\s+steps|follow[- ]ups?|tasks)(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/i;
const HEADING = /^[ \t]*#{1,6}[ \t]/;
const FENCE = /^[ \t]*(```|~~~)/;
const POLITE =
  /^(?:please|pls|kindly|let['’]s|lets|don['’]t forget to|do not forget to|remember to|make sure (?:to|that you)|be sure to)\s+/i;
const FILLER = /^(?:(?:then|also|and|so|next|finally|meanwhile|additionally|afterwards|after that)\b,?\s+)+/i;
const TRAILING_NAME = /\s*(?:[-–—]\s*@?(\p{Lu}[\p{L}'’-]*|@[\w.-]+)|\(\s*@?(\p{Lu}[\p{L}'’-]*|[\w.-]+)\s*\))\s*$/u;
const LEADING_MENTION = /^@([\w.-]+)[:,]?\s+/;
const LEADING_OWNER = /^(\p{Lu}[\p{L}'’-]*)\s*:\s+(?=\p{Ll})/u;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r?\n/g)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

/** [start, end) without the whitespace around it. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

const hasWord = (s: string) => /[\p{L}\p{N}]/u.test(s);

const DATE_INTRODUCER = /\b(?:by|before|until|till|due|due by|in|on|no later than|end of|for)\s*$/i;

/**
 * The first date in `s` that reads as a due date: not "now", not a duration ("the
 * minutes", "within 2 hours"), not a time of day alone, and a month alone only after
 * "by", "in", "before"… ("in May", not "the March offsite"). A date without a time is
 * noon UTC, the same calendar day nearly everywhere.
 */
function dueDateIn(s: string, opts: ExtractOptions): { date: Date; index: number; text: string } | null {
  for (const r of chrono().parse(s, { instant: opts.now, timezone: 'UTC' }, { forwardDate: true })) {
    const t = r.text.trim();
    if (/^(?:now|right now)$/i.test(t) || /\b(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b/i.test(t)) continue;
    const certain = (k: 'day' | 'weekday' | 'month' | 'hour') => r.start.isCertain(k);
    if (!certain('day') && !certain('weekday') && !certain('month') && certain('hour')) continue;
    if (certain('month') && !certain('day') && !DATE_INTRODUCER.test(s.slice(Math.max(0, r.index - 16), r.index))) continue;
    const date = r.start.date();
    if (Number.isNaN(date.getTime())) continue;
    if (!certain('hour')) date.setUTCHours(12, 0, 0, 0);
    return { date, index: r.index, text: r.text };
  }
  return null;
}

/** Removes a date phrase (and the "by"/"on"/"before" that introduces it) from a title. */
function withoutDate(title: string, date: { index: number; text: string } | null): string {
  if (!date) return title;
  const before = title
    .slice(0, date.index)
    .replace(/\s*(?:\b(?:by|on|before|until|till|due|due by|no later than|latest|at the latest|for)\s*)?[,(]?\s*$/i, '');
  const after = title.slice(date.index + date.text.length).replace(/^\s*\)?/, '');
  return `${before}${after && !/^[\s.,;:!?)]/.test(after) ? ' ' : ''}${after}`;
}

/** A task title: one line, no closing punctuation, first letter capital, at most MAX_TITLE_CHARS. */
function tidyTitle(s: string): string {
  let t = s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s\-–—:;,.]+/, '')
    .replace(/[\s,;:\-–—]+$/, '')
    .replace(/(?<!\.\.)[.!]+$/, '')
    .trim();
  t = t.replace(/^\*\*(.+)\*\*$/, '$1').replace(/^__(.+)__$/, '$1');
  if (t) t = t[0]!.toLocaleUpperCase('en') + t.slice(1);
  return truncateText(t, MAX_TITLE_CHARS);
}

const normalized = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Reading {
  title: string;
  assigneeName: string | null;
}

/** Who will do it and what, from the words of an item: "Bob to book the venue" → Bob, "book the venue". */
function readTask(content: string, listed: boolean): Reading & { committed: boolean } {
  let rest = content.replace(FILLER, '');
  let assigneeName: string | null = null;
  const mention = LEADING_MENTION.exec(rest);
  if (mention) {
    assigneeName = `@${mention[1]}`;
    rest = rest.slice(mention[0].length);
  } else if (listed) {
    const owner = LEADING_OWNER.exec(rest);
    if (owner && !NOT_A_NAME.has(owner[1]!.toLowerCase())) {
      assigneeName = owner[1]!;
      rest = rest.slice(owner[0].length);
    }
  }
  let committed = false;
  const commit = COMMITMENT.exec(rest);
  if (commit) {
    const who = commit[1]!;
    const first = who.replace(/^@/, '').split(/\s+/)[0]!.toLowerCase();
    if (SELF.has(who.toLowerCase())) {
      committed = true;
      rest = commit[2]!;
    } else if (!NOT_A_NAME.has(first)) {
      committed = true;
      assigneeName ??= who;
      rest = commit[2]!;
    }
  }
  if (!assigneeName && listed) {
    const trailing = TRAILING_NAME.exec(rest);
    const name = trailing?.[1] ?? trailing?.[2];
    if (trailing && name && !NOT_A_NAME.has(name.replace(/^@/, '').toLowerCase())) {
      assigneeName = name;
      rest = rest.slice(0, trailing.index);
    }
  }
  return { title: rest.replace(POLITE, ''), assigneeName, committed };
}

/** An imperative sentence: an order, starting with a verb in base form ("Please" and the like allowed first). */
function isImperative(sentence: string): boolean {
  if (/\?\s*$/.test(sentence)) return false;
  const s = sentence.replace(FILLER, '').replace(POLITE, '');
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length < 2) return false;
  const first = words[0]!.replace(/[^\p{L}-]/gu, '').toLowerCase();
  if (!IMPERATIVE_VERBS.has(first)) return false;
  if (/[:]$/.test(words[0]!)) return false;
  const second = words[1]!.replace(/[^\p{L}'’]/gu, '').toLowerCase();
  return !NOT_AFTER_VERB.has(second);
}

/** The parts of [0, text.length) outside the `taken` ranges (which are whole lines, in order). */
function freeRegions(text: string, taken: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const [a, b] of [...taken].sort((x, y) => x[0] - y[0])) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  if (from < text.length) out.push([from, text.length]);
  return out;
}

/** Finds the action items of `text`, in text order. */
export function extractActionItems(text: string, opts: ExtractOptions): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  /** Ranges already read as lines (check boxes, markers, listed items, headings, code). */
  const taken: [number, number][] = [];

  const push = (kind: ItemKind, start: number, end: number, content: string, forcedName: string | null = null, listed = true) => {
    const task = readTask(content, listed);
    const due = dueDateIn(task.title, opts);
    const title = tidyTitle(withoutDate(task.title, due));
    if (!title || !hasWord(title)) return;
    const quote = text.slice(start, end);
    items.push({
      kind: kind === 'imperative' && task.committed ? 'commitment' : kind,
      title,
      description: normalized(title) === normalized(quote) ? null : truncateText(quote.replace(/\s+/g, ' ').trim(), 2_000),
      dueDate: due?.date ?? null,
      assigneeName: forcedName ?? task.assigneeName,
      start,
      end,
    });
  };

  let inFence = false;
  let listedUntilBlank = false;
  for (const line of linesOf(text)) {
    if (FENCE.test(line.text)) {
      inFence = !inFence;
      taken.push([line.start, line.end]);
      continue;
    }
    if (inFence) {
      taken.push([line.start, line.end]);
      continue;
    }
    if (!line.text.trim()) {
      listedUntilBlank = false;
      continue;
    }
    if (ACTION_HEADING.test(line.text)) {
      listedUntilBlank = true;
      taken.push([line.start, line.end]);
      continue;
    }
    if (HEADING.test(line.text)) {
      listedUntilBlank = false;
      taken.push([line.start, line.end]);
      continue;
    }
    const box = CHECKBOX.exec(line.text);
    if (box) {
      taken.push([line.start, line.end]);
      if (box[1] !== ' ') continue; // ticked: done already
      const [s, e] = trimSpan(text, line.start + box[0].length, line.end);
      if (s < e) push('checklist', s, e, text.slice(s, e));
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const afterBullet = bullet ? line.text.slice(bullet[0].length) : line.text.replace(/^[ \t]+/, '');
    const offset = line.start + line.text.length - afterBullet.length;
    const marker = MARKER.exec(afterBullet);
    if (marker) {
      taken.push([line.start, line.end]);
      const [s, e] = trimSpan(text, offset, line.end);
      const contentStart = offset + marker[0].length;
      const content = text.slice(contentStart, e);
      const name = marker[1]?.trim() || null;
      if (s < e && hasWord(content)) push('marker', s, e, content, name && !/\s/.test(name) ? name : null);
      continue;
    }
    if (listedUntilBlank && bullet) {
      taken.push([line.start, line.end]);
      const [s, e] = trimSpan(text, offset, line.end);
      if (s < e) push('listed', s, e, text.slice(s, e));
      continue;
    }
    if (!bullet) listedUntilBlank = false;
  }

  // Everything not read as a line is prose: its sentences, region by region (a
  // heading or a check box never runs into the sentence after it).
  for (const [from, to] of freeRegions(text, taken)) {
    for (const span of splitSentences(text.slice(from, to))) {
      let start = from + span.start;
      const end = from + span.end;
      const bullet = BULLET.exec(text.slice(start, end));
      if (bullet) start += bullet[0].length;
      const [s, e] = trimSpan(text, start, end);
      if (s >= e) continue;
      const sentence = text.slice(s, e);
      const task = readTask(sentence, false);
      if (task.committed) push('commitment', s, e, sentence, null, false);
      else if (isImperative(sentence)) push('imperative', s, e, sentence, null, false);
    }
  }
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}
