// The pages of the OneNote seed as input HTML, the way a person's notes look: weekly team meetings (attendees,
// agenda, a table of action items with owners and due dates, a chart, a decision), one-to-ones with the manager,
// customer calls for sales people, quick notes and a project plan. Dates are given by the caller (seed clock).

import { escapeText as esc } from '../html/tree.js';

export interface MeetingFacts {
  /** The day, e.g. '2026-11-24', and the time the notes were taken (UTC). */
  date: string;
  time: string;
  team: string;
  attendees: string[];
  /** Action items: owner, action, due date (yyyy-MM-dd). */
  actions: [string, string, string][];
  agenda: string[];
  decision: string;
  /** `name:part` or data: URL of the chart, or undefined for none. */
  chart?: string;
}

const head = (title: string, date: string, time: string) =>
  `<!DOCTYPE html><html><head><title>${esc(title)}</title><meta name="created" content="${date}T${time}:00Z" /></head>`;

const longDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function teamMeeting(m: MeetingFacts): { title: string; html: string } {
  const title = `${m.team} weekly sync ${m.date}`;
  const rows = m.actions.map(([who, what, due]) => `<tr><td>${esc(who)}</td><td>${esc(what)}</td><td>${due}</td></tr>`).join('');
  const html = `${head(title, m.date, m.time)}<body>
<h1>${esc(m.team)} weekly sync</h1>
<p>${longDate(m.date)}</p>
<h2>Attendees</h2>
<ul>${m.attendees.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
<h2>Agenda</h2>
<ol>${m.agenda.map((a) => `<li>${esc(a)}</li>`).join('')}</ol>
<h2>Action items</h2>
<table border="1"><tr><th>Owner</th><th>Action</th><th>Due</th></tr>${rows}</table>
${m.chart ? `<p>Pipeline this week:</p><img src="${m.chart}" alt="Pipeline by stage" width="320" />` : ''}
<p><b>Decision:</b> ${esc(m.decision)}</p>
</body></html>`;
  return { title, html };
}

export function oneOnOne(date: string, time: string, who: string, manager: string, points: string[]): { title: string; html: string } {
  const title = `1:1 ${who} / ${manager}`;
  const html = `${head(title, date, time)}<body>
<h1>1:1 with ${esc(manager)}</h1>
<p><i>${longDate(date)}</i></p>
<h3>Discussed</h3>
<ul>${points.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>
<p>Next check-in in two weeks.</p>
</body></html>`;
  return { title, html };
}

export function customerCall(date: string, time: string, customer: string, contact: string, notes: string[], next: string): { title: string; html: string } {
  const title = `Call with ${customer}`;
  const html = `${head(title, date, time)}<body>
<h1>Call with ${esc(customer)}</h1>
<p>Contact: <b>${esc(contact)}</b></p>
<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<p><u>Next step:</u> ${esc(next)}</p>
</body></html>`;
  return { title, html };
}

export function quickNote(date: string, time: string, title: string, lines: string[]): { title: string; html: string } {
  return { title, html: `${head(title, date, time)}<body>${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>` };
}

export function projectPlan(date: string, time: string, chart: string): { title: string; html: string } {
  const title = 'Holiday 2026 launch plan';
  const html = `${head(title, date, time)}<body>
<h1>Holiday 2026 launch plan</h1>
<p>Window displays, the promotion calendar and staffing for the holiday season. See the <a href="https://contoso.sharepoint.com/sites/Sales">Sales site</a> for the display kit.</p>
<h2>Milestones</h2>
<table border="1"><tr><th>Milestone</th><th>Owner</th><th>Date</th></tr><tr><td>Display kit approved</td><td>Marketing</td><td>week 1</td></tr><tr><td>Stores stocked</td><td>Operations</td><td>week 3</td></tr><tr><td>Launch</td><td>Sales</td><td>week 4</td></tr></table>
<img src="${chart}" alt="Launch timeline" />
<pre>Budget: 48,000 USD
Stores: 12</pre>
</body></html>`;
  return { title, html };
}
