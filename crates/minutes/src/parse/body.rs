//! The body of a meeting's minutes: agenda items with their notes, the
//! GitHub items mentioned, and the blocks in which [`statements`] looks for
//! decisions and actions.
//!
//! An agenda item is a heading that is not a section name, or a top-level
//! list item outside an action list; its notes are the list items and
//! paragraphs under it. A `### owner/repo` heading sets the repository of
//! the bare `#N` below it.

use super::blocks::{Block, Kind};
use super::sections::{self, Section, StatementSection};
use super::statements::{self, BlockContext, Classifier, Owner};
use super::{Reader, refs};
use crate::model::{Action, AgendaItem, Decision, ItemRef, Lines, Mention, Repo, Severity};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A block in which to look for statements, with where it sits.
struct Candidate {
    block: usize,
    item: Option<usize>,
    repo: Option<Repo>,
    cx: BlockContext,
}

/// What the walk through the body keeps track of.
#[derive(Default)]
struct Walk {
    heading_repo: Option<Repo>,
    /// The agenda item blocks belong to, by index into the agenda.
    current_item: Option<usize>,
    /// Whether the current item is a heading (so its list items are notes).
    heading_item: bool,
    /// The statement section the current heading or inline label opens.
    heading_section: Option<StatementSection>,
    inline_section: Option<StatementSection>,
    /// The current heading's text.
    heading: String,
    /// Items of an action list, whose sub-items are their details.
    action_items: HashSet<usize>,
    /// The entries themselves (the list's own items, not their details).
    action_entries: HashSet<usize>,
    seen_refs: HashSet<ItemRef>,
}

impl Reader<'_> {
    pub(super) fn body(&mut self) {
        let mut item_of_block: Vec<Option<usize>> = vec![None; self.doc.blocks.len()];
        let mut walk = Walk::default();
        let mut candidates = Vec::new();
        let blocks: Vec<(usize, &Block, Section)> = self.blocks().collect();
        for (i, b, s) in blocks {
            if self.absent_blocks.contains(&i) {
                continue;
            }
            let cx = self.block_context(i, b, &mut walk);
            // Minutes without section headings keep everything in the
            // preamble; all but its link lines is body.
            let in_body =
                s == Section::Body || (s == Section::Preamble && !self.link_blocks.contains(&i));
            // The repository for bare `#N`.
            if let Kind::Heading(level) = b.kind {
                if let Some(r) = Repo::parse(&b.text) {
                    walk.heading_repo = Some(r);
                    walk.current_item = None;
                    continue;
                }
                if level <= 2 {
                    walk.heading_repo = None;
                }
            }
            let default_repo = walk.heading_repo.clone().or_else(|| self.repo.clone());
            // References, outside the Links section and attendance lists.
            if !self.link_blocks.contains(&i) && !matches!(b.kind, Kind::Heading(1)) {
                self.references(b, default_repo.as_ref(), &mut walk.seen_refs);
            }
            if !in_body {
                continue;
            }
            let item = match b.kind {
                Kind::Heading(1) => continue,
                Kind::Heading(_) => {
                    if sections::is_generic_heading(&b.text)
                        || sections::statement_section(&b.text).is_some()
                        || b.text.trim().is_empty()
                        || (self.doc_is_log() && Some(i) == self.range.clone().next())
                    {
                        walk.current_item = None;
                        walk.heading_item = false;
                    } else {
                        walk.current_item = Some(self.new_item(
                            b,
                            walk.heading_repo.clone(),
                            default_repo.as_ref(),
                        ));
                        walk.heading_item = true;
                    }
                    continue;
                }
                Kind::Item { depth, .. } => {
                    let parent_item = b.parent.and_then(|p| item_of_block[p]);
                    let is_note = depth > 0 || walk.heading_item;
                    let item = if is_note {
                        parent_item.or(walk.current_item)
                    } else if is_agenda_boilerplate(&b.text) || cx.in_list_of.is_some() {
                        // Items of a decision or action list are not agenda items.
                        None
                    } else {
                        let n = self.new_item(b, walk.heading_repo.clone(), default_repo.as_ref());
                        walk.current_item = Some(n);
                        Some(n)
                    };
                    item_of_block[i] = item;
                    if let Some(n) = item
                        && is_note
                    {
                        self.add_note(n, b);
                    }
                    item
                }
                Kind::Paragraph | Kind::TableRow => {
                    if is_agenda_boilerplate(&b.text) {
                        continue;
                    }
                    if let Some(n) = walk.current_item {
                        self.add_note(n, b);
                    }
                    walk.current_item
                }
            };
            candidates.push(Candidate {
                block: i,
                item,
                repo: default_repo,
                cx,
            });
        }
        self.statements(candidates);
    }

    /// Where a block sits, for the statement classifier: the statement
    /// section it is in, the heading above it, its parent.
    fn block_context(&self, i: usize, b: &Block, walk: &mut Walk) -> BlockContext {
        let blocks = &self.doc.blocks;
        match b.kind {
            Kind::Heading(_) => {
                walk.heading_section = sections::statement_section(&b.text);
                walk.inline_section = None;
                walk.heading = b.text.trim().to_owned();
            }
            Kind::Paragraph => walk.inline_section = sections::statement_section(&b.text),
            _ => {}
        }
        let parent = b.parent.map(|p| &blocks[p]);
        // In an action list, an item's sub-items are its details, not
        // actions of their own; details of details are details too.
        let detail_of_action = b.parent.is_some_and(|p| walk.action_items.contains(&p));
        let under_entry = b.parent.is_some_and(|p| walk.action_entries.contains(&p));
        if detail_of_action {
            walk.action_items.insert(i);
        }
        let parent_section = parent.and_then(|p| sections::statement_section(&p.text));
        let in_list_of = if detail_of_action {
            None
        } else {
            walk.heading_section
                .or(walk.inline_section)
                .or(parent_section)
        };
        if in_list_of == Some(StatementSection::Actions)
            && matches!(b.kind, Kind::Item { .. })
            && sections::statement_section(&b.text).is_none()
        {
            walk.action_items.insert(i);
            walk.action_entries.insert(i);
        }
        // The question a block may answer: the item it is nested in, or
        // the item just before it at its own level (`* Do people feel
        // comfortable with …?` then `* Yes.`).
        let before = i.checked_sub(1).map(|j| &blocks[j]).filter(|p| {
            p.parent == b.parent
                && matches!(p.kind, Kind::Item { .. })
                && matches!(b.kind, Kind::Item { .. })
        });
        let asked = [parent, before]
            .into_iter()
            .flatten()
            .map(|q| q.text.trim())
            .find(|q| q.ends_with('?'))
            .map(str::to_owned);
        BlockContext {
            asked,
            in_list_of: in_list_of.filter(|_| sections::statement_section(&b.text).is_none()),
            detail_of_action,
            under_entry,
            heading: walk.heading.clone(),
            parent_text: parent.map(|p| p.text.clone()),
            has_children: blocks.get(i + 1).is_some_and(|n| n.parent == Some(i)),
        }
    }

    /// Records the GitHub items a block mentions.
    fn references(&mut self, b: &Block, repo: Option<&Repo>, seen: &mut HashSet<ItemRef>) {
        self.link_mismatches(b, repo);
        for (pos, r) in refs::in_block_at(b, repo) {
            self.meeting.mentions.push(Mention {
                item: r.clone(),
                line: b.line_at(pos),
            });
            if seen.insert(r.clone()) {
                self.meeting.references.push(r);
            }
        }
    }

    /// Classifies the candidate blocks and records what they hold.
    fn statements(&mut self, candidates: Vec<Candidate>) {
        let people = statements::People::new(&self.meeting.attendees).with_text(self.doc.text);
        let trace = self.doc.trace.as_ref().map(|t| &t[self.index]);
        let classifier = Classifier {
            people: &people,
            model: &self.doc.model,
            trace,
        };
        // The owners of each block's actions, for the blocks that detail it.
        let mut owners_of: HashMap<usize, Vec<Owner>> = HashMap::new();
        // Each action's text as a restatement would read, in step with
        // `self.meeting.actions`: computed once per action, not once per
        // comparison.
        let mut keys: Vec<String> = Vec::with_capacity(self.meeting.actions.len());
        keys.extend(self.meeting.actions.iter().map(|a| restated_key(&a.text)));
        for c in candidates {
            let b = &self.doc.blocks[c.block];
            let inherited = b
                .parent
                .and_then(|p| owners_of.get(&p))
                .cloned()
                .unwrap_or_default();
            let about = c
                .item
                .and_then(|n| self.meeting.agenda[n].items.first().cloned());
            let position = c.item.map(|n| self.meeting.agenda[n].position);
            let found = classifier.classify(b, &c.cx, c.repo.as_ref(), &inherited);
            for d in found.decisions {
                self.meeting.decisions.push(Decision {
                    text: d.text,
                    agenda_item: position,
                    about: d.about.or_else(|| about.clone()),
                    lines: d.lines,
                });
            }
            let owners: Vec<Owner> = found
                .actions
                .iter()
                .map(|a| a.owner.clone())
                .filter(|o| o.assignee != "group")
                .collect();
            if !owners.is_empty() {
                owners_of.insert(c.block, owners);
            }
            for a in found.actions {
                // A summary of the meeting's actions (`Action items, by
                // person`, `Summary of action items`) restates work
                // recorded above: one task, said twice, is one action.
                // Only an entry of such a list restates, and only work
                // recorded under another agenda item: the same words twice
                // in one list are two tasks (`Talk about this one in a
                // future meeting` under two topics).
                let key = restated_key(&a.text);
                let in_action_list = c.cx.in_list_of == Some(StatementSection::Actions)
                    || c.cx.under_entry
                    || c.cx.detail_of_action;
                if in_action_list
                    && self.meeting.actions.iter().zip(&keys).any(|(b, k)| {
                        *k == key
                            && b.assignee == a.owner.assignee
                            && b.agenda_item != position
                            && (b.about.is_none() || a.about.is_none() || b.about == a.about)
                    })
                {
                    continue;
                }
                keys.push(key);
                self.check_assignee(&people, &a.owner, a.lines.start);
                self.meeting.actions.push(Action {
                    assignee: a.owner.assignee,
                    assignee_as_written: a.owner.written,
                    attendee: a.owner.attendee,
                    text: a.text,
                    status: a.status,
                    agenda_item: position,
                    about: a.about.or_else(|| about.clone()),
                    lines: a.lines,
                });
            }
        }
    }

    /// Reports an action whose assignee is not an attendee of the meeting,
    /// or whose first name fits several.
    fn check_assignee(&mut self, people: &statements::People, owner: &Owner, line: usize) {
        if owner.assignee == "group" || owner.written.starts_with('@') {
            return;
        }
        let others = people.candidates(&owner.written);
        if others.len() > 1 {
            self.diag(
                Severity::Warning,
                "ambiguous-assignee",
                line,
                format!("`{}` could be any of {}", owner.written, others.join(", ")),
            );
        } else if owner.attendee.is_none() && !self.meeting.attendees.is_empty() {
            self.diag(
                Severity::Warning,
                "unknown-assignee",
                line,
                format!(
                    "`{}` is not in the attendance list; write their @handle",
                    owner.written
                ),
            );
        }
    }

    /// Reports `[#5](…/issues/6)`: link text naming another item than its URL.
    fn link_mismatches(&mut self, b: &Block, default_repo: Option<&Repo>) {
        for l in &b.links {
            let text = b.text.get(l.range.clone()).unwrap_or("").trim();
            if let (Some(t), Some(u)) = (refs::parse_short(text, default_repo), refs::parse_url(&l.url))
                // `#12` leaves the repository to the link; only a different
                // number, or a different repository written out, disagrees.
                && (t.number != u.number || (text.contains('/') && t.repo != u.repo))
            {
                self.diag(
                    Severity::Warning,
                    "link-mismatch",
                    b.line_at(l.range.start),
                    format!(
                        "link text `{text}` names {} but the link goes to {} (the link is used)",
                        t.key(),
                        u.key()
                    ),
                );
            }
        }
    }

    fn new_item(&mut self, b: &Block, repo: Option<Repo>, default_repo: Option<&Repo>) -> usize {
        let items = refs::in_block(b, default_repo);
        let title = b.text.lines().next().unwrap_or("").trim().to_owned();
        let agenda = &mut self.meeting.agenda;
        agenda.push(AgendaItem {
            position: agenda.len() + 1,
            title,
            repo,
            items,
            notes: Vec::new(),
            lines: Lines {
                start: b.line,
                end: b.end_line,
            },
        });
        agenda.len() - 1
    }

    fn add_note(&mut self, n: usize, b: &Block) {
        let item = &mut self.meeting.agenda[n];
        item.notes.push(b.text.trim().to_owned());
        item.lines.end = item.lines.end.max(b.end_line);
    }
}

/// Lines the agenda template puts in every file, which are not items.
fn is_agenda_boilerplate(text: &str) -> bool {
    let lower = text.trim_start_matches(['*', '_', ' ']).to_lowercase();
    lower.starts_with("extracted from")
        || lower.starts_with("click `+googlecalendar`")
        || lower.starts_with("click +googlecalendar")
        || lower.contains("project calendar")
        || lower.starts_with("invited:")
}

/// An action's text as a restatement of it would read: without a label
/// (`ACTION:`, `TODO:`), a tracker's mark (`[NEW]`), case or punctuation.
fn restated_key(text: &str) -> String {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:(?:action(?:\s+items?)?|todo|ai)\s*[:\-–]\s*)?(?:\[(?:new|done|continues|continued|pending|open)\]\s*)?").unwrap()
    });
    LABEL
        .replace(text, "")
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
