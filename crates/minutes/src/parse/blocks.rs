//! Markdown to a flat list of blocks.
//!
//! The extractors do not walk pulldown-cmark events themselves: they see a
//! flat sequence of headings, list items (with their depth and parent),
//! paragraphs and table rows, each with its plain text, the links inside it
//! and its source lines. A list item's text is its own text only; nested
//! items are blocks of their own that point back to it.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// A link inside a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Where the link's text sits in the block's text.
    pub range: Range<usize>,
    /// The destination as written.
    pub url: String,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A heading of this level (1–6).
    Heading(u8),
    /// A list item at this depth (0 for top level), with its task box if any.
    Item {
        /// Nesting depth, 0 for a top-level item.
        depth: usize,
        /// `Some(true)` for `[x]`, `Some(false)` for `[ ]`.
        checked: Option<bool>,
    },
    /// A paragraph outside any list.
    Paragraph,
    /// A table row; cells are separated by tabs in `text`.
    TableRow,
}

/// One block of the document.
#[derive(Debug, Clone)]
pub struct Block {
    /// What it is.
    pub kind: Kind,
    /// Plain text: inline markup dropped, links reduced to their text, line
    /// breaks kept as `\n`.
    pub text: String,
    /// The links in `text`.
    pub links: Vec<Link>,
    /// First source line, 1-based.
    pub line: usize,
    /// Last source line of the block's own text.
    pub end_line: usize,
    /// For a nested list item, the index of its parent item.
    pub parent: Option<usize>,
    /// Where pieces of `text` came from: (position in `text`, source line),
    /// in order. Blank lines and markup are not in the text, so lines are
    /// looked up here, never counted in the text.
    pub marks: Vec<(usize, usize)>,
}

impl Block {
    /// The source line of position `pos` in the block's text.
    pub fn line_at(&self, pos: usize) -> usize {
        match self.marks.partition_point(|&(p, _)| p <= pos) {
            0 => self.line,
            i => self.marks[i - 1].1,
        }
    }

    /// The nesting depth of a list item (0 for top level); `None` for
    /// other blocks.
    pub fn depth(&self) -> Option<usize> {
        match self.kind {
            Kind::Item { depth, .. } => Some(depth),
            _ => None,
        }
    }
}

struct Frame {
    kind: Kind,
    text: String,
    links: Vec<Link>,
    open_links: Vec<(usize, String)>,
    start: usize,
    end: usize,
    parent: Option<usize>,
    /// For items: the index it was emitted at, once its own text is complete.
    emitted: Option<usize>,
    /// For emitted items: how much text there was at emission, and where
    /// text that comes after the nested list starts and ends.
    emitted_len: usize,
    cont_start: Option<usize>,
    cont_end: usize,
    /// (position in `text`, source byte offset) of each piece of text.
    marks: Vec<(usize, usize)>,
    /// A paragraph read from hand-indented text (an indented code block).
    indented: bool,
}

impl Frame {
    fn kind_depth(&self) -> usize {
        match self.kind {
            Kind::Item { depth, .. } => depth,
            _ => 0,
        }
    }

    fn new(kind: Kind, start: usize, parent: Option<usize>) -> Self {
        Frame {
            kind,
            text: String::new(),
            links: Vec::new(),
            open_links: Vec::new(),
            start,
            end: start,
            parent,
            emitted: None,
            emitted_len: 0,
            cont_start: None,
            cont_end: 0,
            marks: Vec::new(),
            indented: false,
        }
    }
}

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// `<ana>`, `<bo-x>`: a chat log's speaker, which Markdown reads as an
/// HTML tag. A tag HTML knows (`<b>`, `<details>`) or one with attributes
/// is HTML. (A nick that is no valid tag name, `<bo_x>`, stays text.)
fn irc_nick(h: &str) -> Option<&str> {
    // The elements minutes use or paste, lower-case.
    const HTML: &str = "a abbr address article aside audio b big blockquote body br button \
        caption center cite code col dd del details dfn div dl dt em embed figcaption figure \
        font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label \
        li link main mark meta nav ol p picture pre q s samp script section small source span \
        strike strong style sub summary sup table tbody td tfoot th thead time title tr tt u ul \
        var video wbr";
    let name = h.strip_prefix('<')?.strip_suffix('>')?;
    let ok = !name.is_empty()
        && name.len() <= 32
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-[]|^`".contains(c));
    let html = HTML
        .split_whitespace()
        .any(|t| t.eq_ignore_ascii_case(name));
    (ok && !html).then_some(name)
}

/// Splits a document into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    blocks_and_rules(text).0
}

/// Splits a document into blocks, and lists the lines of its thematic
/// breaks (`---`), which end a meeting in a file of several.
pub fn blocks_and_rules(text: &str) -> (Vec<Block>, Vec<usize>) {
    let text = &*super::renest::renest(text);
    let mut b = Builder::new(text);
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        b.event(event, range);
    }
    b.finish()
}

/// Turns the pulldown-cmark event stream into blocks. Open headings, items,
/// paragraphs and table rows are frames on a stack; each becomes a block
/// when it ends (or, for an item, when a nested list begins).
struct Builder<'t> {
    /// The source, for the end lines of text ranges.
    text: &'t str,
    index: LineIndex,
    out: Vec<Block>,
    stack: Vec<Frame>,
    rules: Vec<usize>,
    /// Depth of list nesting.
    list_depth: usize,
    /// Inside a fenced or indented code block, whose text is no notes.
    in_code_block: bool,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        Builder {
            text,
            index: LineIndex::new(text),
            out: Vec::new(),
            stack: Vec::new(),
            rules: Vec::new(),
            list_depth: 0,
            in_code_block: false,
        }
    }

    /// Feeds one event, with the range of the source it covers.
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) | Event::Code(t) => self.push_text(&t, range),
            Event::SoftBreak | Event::HardBreak => self.line_break(),
            // `<br>` is a line break people use inside table cells and list
            // items; other HTML (comments, tags) carries no text.
            Event::InlineHtml(h) | Event::Html(h)
                if h.trim().to_ascii_lowercase().starts_with("<br") =>
            {
                self.line_break()
            }
            // `<ana> I will draft it`: a chat log's speaker, not HTML.
            Event::InlineHtml(h) => {
                if let Some(nick) = irc_nick(&h) {
                    self.speaker(nick, &h, range);
                }
            }
            Event::Rule => self.rules.push(self.index.line(range.start)),
            Event::TaskListMarker(checked) => {
                if let Some(Frame {
                    kind: Kind::Item { checked: c, .. },
                    ..
                }) = self.stack.last_mut()
                {
                    *c = Some(checked);
                }
            }
            _ => {}
        }
    }

    /// Opens a frame for a block, or notes where inline markup starts.
    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.stack
                    .push(Frame::new(Kind::Heading(level as u8), range.start, None))
            }
            Tag::Item => self.start_item(range.start),
            Tag::List(_) => self.list_depth += 1,
            Tag::Paragraph => match self.stack.last_mut() {
                // Paragraphs of one item are separated by a blank line,
                // which always ends a sentence.
                Some(f) if matches!(f.kind, Kind::Item { .. }) => {
                    if !f.text.is_empty() {
                        while !f.text.ends_with("\n\n") {
                            f.text.push('\n');
                        }
                    }
                }
                Some(_) => {}
                None => self
                    .stack
                    .push(Frame::new(Kind::Paragraph, range.start, None)),
            },
            Tag::TableRow | Tag::TableHead => {
                self.stack
                    .push(Frame::new(Kind::TableRow, range.start, None))
            }
            Tag::TableCell => {
                if let Some(f) = self.stack.last_mut()
                    && !f.text.is_empty()
                {
                    f.text.push('\t');
                }
            }
            Tag::Link { dest_url, .. } => {
                if let Some(f) = self.stack.last_mut() {
                    let at = f.text.len();
                    f.open_links.push((at, dest_url.to_string()));
                }
            }
            // Text indented by four spaces at the top level is, in minutes,
            // text laid out by hand (board minutes list the directors
            // present that way), not code: it is read as a paragraph, one
            // line per line. Fenced blocks are code and hold no notes.
            Tag::CodeBlock(CodeBlockKind::Indented) if self.stack.is_empty() => {
                let mut f = Frame::new(Kind::Paragraph, range.start, None);
                f.indented = true;
                self.stack.push(f);
            }
            Tag::CodeBlock(_) => self.in_code_block = true,
            _ => {}
        }
    }

    /// Opens a list item, first emitting the enclosing item (if any) so
    /// that the nested item can point back to it.
    fn start_item(&mut self, start: usize) {
        // The parent item's own text ends where a nested list begins.
        let parent = self
            .stack
            .iter_mut()
            .rev()
            .find(|f| matches!(f.kind, Kind::Item { .. }))
            .map(|f| match f.emitted {
                Some(i) => i,
                None => {
                    let i = emit(&self.index, &mut self.out, f);
                    f.emitted = Some(i);
                    f.emitted_len = f.text.len();
                    i
                }
            });
        let depth = self.list_depth.saturating_sub(1);
        self.stack.push(Frame::new(
            Kind::Item {
                depth,
                checked: None,
            },
            start,
            parent,
        ));
    }

    /// Closes (and emits) a frame, or notes where inline markup ends.
    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Heading(_) | TagEnd::TableRow | TagEnd::TableHead => {
                if let Some(mut f) = self.stack.pop() {
                    f.end = range.end.saturating_sub(1).max(f.start);
                    self.emit(&f);
                }
            }
            TagEnd::Paragraph => {
                if matches!(self.stack.last(), Some(f) if f.kind == Kind::Paragraph)
                    && let Some(mut f) = self.stack.pop()
                {
                    f.end = line_start_of_end(&range, self.text);
                    self.emit(&f);
                }
            }
            TagEnd::Item => {
                if let Some(mut f) = self.stack.pop() {
                    match f.emitted {
                        None => {
                            if f.end < f.start {
                                f.end = f.start;
                            }
                            self.emit(&f);
                        }
                        Some(i) => self.emit_note(&f, i),
                    }
                }
            }
            TagEnd::List(_) => self.list_depth = self.list_depth.saturating_sub(1),
            TagEnd::Link => {
                if let Some(f) = self.stack.last_mut()
                    && let Some((at, url)) = f.open_links.pop()
                {
                    let end = f.text.len();
                    f.links.push(Link {
                        range: at..end,
                        url,
                    });
                }
            }
            TagEnd::CodeBlock => {
                if matches!(self.stack.last(), Some(f) if f.indented)
                    && let Some(mut f) = self.stack.pop()
                {
                    f.end = line_start_of_end(&range, self.text);
                    self.emit(&f);
                }
                self.in_code_block = false;
            }
            _ => {}
        }
    }

    /// Text after the nested list (`ACTION: …` below the sub-bullets)
    /// becomes a note of the item: a child item of item `i`, which was
    /// emitted when the nested list began.
    fn emit_note(&mut self, f: &Frame, i: usize) {
        let Some(start) = f.cont_start else {
            return;
        };
        if f.text[f.emitted_len..].trim().is_empty() {
            return;
        }
        let depth = f.kind_depth() + 1;
        let mut c = Frame::new(
            Kind::Item {
                depth,
                checked: None,
            },
            start,
            Some(i),
        );
        c.text = f.text[f.emitted_len..].trim_start().to_owned();
        let shift = f.text.len() - c.text.len();
        c.links = f
            .links
            .iter()
            .filter(|l| l.range.start >= shift)
            .map(|l| Link {
                range: l.range.start - shift..l.range.end - shift,
                url: l.url.clone(),
            })
            .collect();
        c.end = f.cont_end.max(start);
        c.marks = f
            .marks
            .iter()
            .filter(|(p, _)| *p >= shift)
            .map(|&(p, o)| (p - shift, o))
            .collect();
        self.emit(&c);
    }

    /// Appends text to the innermost frame, tracking where it ends in the
    /// source: in the item's own text, or after its nested list.
    fn push_text(&mut self, t: &str, range: Range<usize>) {
        if self.in_code_block {
            return;
        }
        // A line of hand-indented text, without its indentation.
        if let Some(f) = self.stack.last_mut()
            && f.indented
        {
            for line in t.split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    f.marks.push((f.text.len(), range.start));
                    f.text.push_str(trimmed);
                }
                if line.ends_with('\n') {
                    f.text.push('\n');
                }
            }
            return;
        }
        if let Some(f) = self.stack.last_mut() {
            f.marks.push((f.text.len(), range.start));
            f.text.push_str(t);
            if f.emitted.is_none() {
                f.end = line_start_of_end(&range, self.text);
            } else {
                f.cont_start.get_or_insert(range.start);
                f.cont_end = line_start_of_end(&range, self.text);
            }
        }
    }

    /// A chat log's `<nick>`: at the start of a line it opens the
    /// speaker's turn, written `nick: ` as minute-takers write turns;
    /// elsewhere it is text as written.
    fn speaker(&mut self, nick: &str, raw: &str, range: Range<usize>) {
        if self.at_line_start() {
            self.push_text(&format!("{nick}: "), range);
        } else {
            self.push_text(raw, range);
        }
    }

    /// Whether the innermost frame's text is at the start of a line.
    fn at_line_start(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|f| f.text.is_empty() || f.text.ends_with('\n'))
    }

    /// Appends a line break to the innermost frame.
    fn line_break(&mut self) {
        if let Some(f) = self.stack.last_mut() {
            f.text.push('\n');
        }
    }

    /// Emits frame `f` as the next block; returns its index.
    fn emit(&mut self, f: &Frame) -> usize {
        emit(&self.index, &mut self.out, f)
    }

    /// The blocks and the lines of the thematic breaks.
    fn finish(mut self) -> (Vec<Block>, Vec<usize>) {
        // Unclosed frames cannot happen with a well-formed event stream, but
        // never lose text if they do.
        while let Some(f) = self.stack.pop() {
            if f.emitted.is_none() {
                self.emit(&f);
            }
        }
        (self.out, self.rules)
    }
}

/// Appends frame `f` to `out` as a block and returns its index. A free
/// function rather than a method so that it can run while an item of the
/// builder's stack is borrowed.
fn emit(index: &LineIndex, out: &mut Vec<Block>, f: &Frame) -> usize {
    let text = f.text.trim_end().to_owned();
    let marks = f
        .marks
        .iter()
        .filter(|(p, _)| *p < text.len().max(1))
        .map(|&(p, o)| (p, index.line(o)))
        .collect();
    out.push(Block {
        kind: f.kind,
        links: f.links.clone(),
        text,
        line: index.line(f.start),
        end_line: index.line(f.end.max(f.start)),
        parent: f.parent,
        marks,
    });
    out.len() - 1
}

/// The byte offset of the last character of `range` (for end lines).
fn line_start_of_end(range: &Range<usize>, text: &str) -> usize {
    let mut end = range.end.min(text.len());
    while end > range.start && text.as_bytes()[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end.saturating_sub(1).max(range.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_items_point_to_their_parent() {
        let b = blocks("# T\n\n* a [x](http://u)\n  * b\n  * c\n* d\n\npara\nline2\n");
        let kinds: Vec<_> = b
            .iter()
            .map(|b| (b.text.as_str(), b.line, b.parent))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("T", 1, None),
                ("a x", 3, None),
                ("b", 4, Some(1)),
                ("c", 5, Some(1)),
                ("d", 6, None),
                ("para\nline2", 8, None),
            ]
        );
        assert_eq!(b[1].links[0].url, "http://u");
        assert_eq!(&b[1].text[b[1].links[0].range.clone()], "x");
        assert_eq!(b[5].end_line, 9);
        assert_eq!(b[2].depth(), Some(1));
    }

    #[test]
    fn lines_come_from_the_source_not_the_text() {
        let b = blocks("* Item\n\n  second paragraph\n\n  third #77\n");
        assert_eq!(b[0].line_at(0), 1);
        let pos = b[0].text.find("#77").unwrap();
        assert_eq!(b[0].line_at(pos), 5);
    }

    #[test]
    fn text_after_a_nested_list_is_a_note_of_the_item() {
        let b =
            blocks("* Parent item #90\n  * child note\n\n  ACTION: @bob will follow up.\n* Next\n");
        let texts: Vec<_> = b
            .iter()
            .map(|b| (b.text.as_str(), b.line, b.parent))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("Parent item #90", 1, None),
                ("child note", 2, Some(0)),
                ("ACTION: @bob will follow up.", 4, Some(0)),
                ("Next", 5, None),
            ]
        );
    }

    #[test]
    fn task_boxes_and_tables() {
        let b = blocks("- [x] done\n- [ ] todo\n\n| a | b |\n|---|---|\n| c | d |\n");
        assert_eq!(
            b[0].kind,
            Kind::Item {
                depth: 0,
                checked: Some(true)
            }
        );
        assert_eq!(
            b[1].kind,
            Kind::Item {
                depth: 0,
                checked: Some(false)
            }
        );
        assert_eq!(b[2].kind, Kind::TableRow);
        assert_eq!(b[3].text, "c\td");
        assert_eq!(b[3].line, 6);
    }
}
