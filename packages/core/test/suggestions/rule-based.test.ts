import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractActionItems, MAX_TITLE_CHARS, type ExtractedItem } from '../../src/suggestions/rule-based.ts';

const now = new Date('2026-12-01T10:00:00Z'); // a Tuesday
const extract = (text: string) => extractActionItems(text, { now });
const summary = (text: string) =>
  extract(text).map((i) => ({
    kind: i.kind,
    title: i.title,
    assignee: i.assigneeName,
    due: i.dueDate?.toISOString().slice(0, 10) ?? null,
    quote: text.slice(i.start, i.end),
  }));

const NOTES = `# Weekly sync – 1 Dec

Attendees: Alice, Bob, Carol

Review of Q3 went well. Test results look good.
Alice will send the Q3 report to finance by Friday.
Bob to book the venue for the offsite next Tuesday.
Please circulate the minutes to everyone.
We discussed the roadmap. It will be published in May.

- [ ] Update the onboarding checklist
- [x] Order new laptops
- Carol needs to prepare slides for the March offsite

TODO(dave): fix the login bug by 15 Dec
Action: Erin to confirm the budget with legal
AP: Draft the hiring plan

Action items:
- Frank: renew the domain before 2027-01-15
- Ping the vendor about the invoice (Grace)

Update: the API is live.
Will we ship on time?
`;

describe('the rule-based extractor', () => {
  it('finds every kind of action item in meeting notes, each pointing at its exact words', () => {
    expect(summary(NOTES)).toEqual([
      {
        kind: 'commitment',
        title: 'Send the Q3 report to finance',
        assignee: 'Alice',
        due: '2026-12-04',
        quote: 'Alice will send the Q3 report to finance by Friday.',
      },
      {
        kind: 'commitment',
        title: 'Book the venue for the offsite',
        assignee: 'Bob',
        due: '2026-12-08',
        quote: 'Bob to book the venue for the offsite next Tuesday.',
      },
      {
        kind: 'imperative',
        title: 'Circulate the minutes to everyone',
        assignee: null,
        due: null,
        quote: 'Please circulate the minutes to everyone.',
      },
      { kind: 'checklist', title: 'Update the onboarding checklist', assignee: null, due: null, quote: 'Update the onboarding checklist' },
      {
        kind: 'commitment',
        title: 'Prepare slides for the March offsite',
        assignee: 'Carol',
        due: null,
        quote: 'Carol needs to prepare slides for the March offsite',
      },
      { kind: 'marker', title: 'Fix the login bug', assignee: 'dave', due: '2026-12-15', quote: 'TODO(dave): fix the login bug by 15 Dec' },
      {
        kind: 'marker',
        title: 'Confirm the budget with legal',
        assignee: 'Erin',
        due: null,
        quote: 'Action: Erin to confirm the budget with legal',
      },
      { kind: 'marker', title: 'Draft the hiring plan', assignee: null, due: null, quote: 'AP: Draft the hiring plan' },
      {
        kind: 'listed',
        title: 'Renew the domain',
        assignee: 'Frank',
        due: '2027-01-15',
        quote: 'Frank: renew the domain before 2027-01-15',
      },
      {
        kind: 'listed',
        title: 'Ping the vendor about the invoice',
        assignee: 'Grace',
        due: null,
        quote: 'Ping the vendor about the invoice (Grace)',
      },
    ]);
  });

  it('leaves statements, questions, ticked boxes, headings and code alone', () => {
    const text = [
      '# Plan the launch',
      'Review of the budget was positive.',
      'Report results are in the appendix.',
      'Update: the vendor replied.',
      'Should we send the invoice?',
      'It will rain tomorrow.',
      'The team will meet again.',
      '- [x] Send the invitations',
      '```',
      'TODO: not a task, code',
      'send(mail)',
      '```',
    ].join('\n');
    expect(extract(text)).toEqual([]);
  });

  it('reads TODO, Action and AP lines, check boxes in several list styles and "X will / X to" commitments', () => {
    const text = [
      'TODO update the README',
      'todo: remove the flag',
      '* [ ] File the expense report',
      '1. [ ] Call the bank',
      '+ [ ] @maria order the badges',
      'Action item: Bob to email the agenda',
      'We will migrate the database on 2027-02-01.',
      'I will write the retro notes.',
      'Dana Scully will interview the candidates.',
      'Then Erik will deploy the fix.',
    ].join('\n');
    expect(summary(text).map((i) => [i.kind, i.title, i.assignee, i.due])).toEqual([
      ['marker', 'Update the README', null, null],
      ['marker', 'Remove the flag', null, null],
      ['checklist', 'File the expense report', null, null],
      ['checklist', 'Call the bank', null, null],
      ['checklist', 'Order the badges', '@maria', null],
      ['marker', 'Email the agenda', 'Bob', null],
      ['commitment', 'Migrate the database', null, '2027-02-01'],
      ['commitment', 'Write the retro notes', null, null],
      ['commitment', 'Interview the candidates', 'Dana Scully', null],
      ['commitment', 'Deploy the fix', 'Erik', null],
    ]);
  });

  it('reads due dates with chrono-node (relative to now, forward), at noon UTC when no time is given', () => {
    const due = (sentence: string) => extract(sentence)[0]?.dueDate?.toISOString() ?? null;
    expect(due('Send the deck tomorrow.')).toBe('2026-12-02T12:00:00.000Z');
    expect(due('Send the deck next week.')).toBe('2026-12-08T12:00:00.000Z');
    expect(due('Send the deck by end of month.')).toBe('2026-12-31T12:00:00.000Z');
    expect(due('Send the deck by Monday.')).toBe('2026-12-07T12:00:00.000Z');
    expect(due('Send the deck on 2027-03-04 at 15:30.')).toBe('2027-03-04T15:30:00.000Z');
    expect(due('Ship the beta in May.')).toBe('2027-05-01T12:00:00.000Z');
    // Not due dates: a duration, a time alone, "now", a month that is part of a name.
    expect(due('Circulate the minutes now.')).toBeNull();
    expect(due('Run the tests within 2 hours.')).toBeNull();
    expect(due('Call the bank at 3pm.')).toBeNull();
    expect(due('Prepare slides for the March offsite.')).toBeNull();
  });

  it('takes the date phrase, the person, the marker and closing punctuation out of the title, and keeps the item as description', () => {
    const [item] = extract('Action: Alice to send the signed contract to legal by Friday.');
    expect(item!.title).toBe('Send the signed contract to legal');
    expect(item!.description).toBe('Action: Alice to send the signed contract to legal by Friday.');
    expect(extract('- [ ] Send the deck')[0]!.description).toBeNull();
  });

  it('keeps titles within the action point limit', () => {
    const [item] = extract(`TODO: ${'write the long report '.repeat(30)}`);
    expect(item!.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(item!.title.endsWith('…')).toBe(true);
  });

  it('works on Windows line endings and text without a final newline', () => {
    const text = 'Notes\r\n- [ ] Book the room\r\nAlice will send the agenda';
    expect(summary(text).map((i) => i.quote)).toEqual(['Book the room', 'Alice will send the agenda']);
  });

  const LINES = [
    'Alice will send the report by Friday.',
    '- [ ] Book the venue',
    '- [x] Done already',
    'TODO: fix the bug',
    'AP: Bob to call the client',
    'Review of the plan went well.',
    'Please review the draft.',
    '# Heading',
    'Action items:',
    '- Carol: order lunch',
    '',
    '   ',
    'Some free text with ![img](https://evil.example/x.png) and [a link](https://evil.example).',
    'Ünïcödé 🙂 will be fine.',
    '\t- [ ]   spaced   out   item  ',
  ];

  it('property: every item is a trimmed, non-overlapping span of the text, in order, with a non-empty title', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\n\n'), (lines, sep) => {
        const text = lines.join(sep);
        const items: ExtractedItem[] = extract(text);
        let last = 0;
        for (const i of items) {
          expect(i.start).toBeGreaterThanOrEqual(last);
          expect(i.end).toBeGreaterThan(i.start);
          const quote = text.slice(i.start, i.end);
          expect(quote).toBe(quote.trim());
          expect(i.title.trim().length).toBeGreaterThan(0);
          expect(i.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
          last = i.end;
        }
        expect(extract(text)).toEqual(items);
      }),
    );
  });
});
